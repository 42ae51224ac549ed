import { describe, expect, it } from 'vitest';
import { printToPdfOptions, printWindowOptions, saveFilters } from '../../../../electron/main/policy/exportWindow';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE } from '../../../../electron/services/export/pdfOptions';

describe('the app\'s PDF print window and options', () => {
  it('loads the export with JavaScript off, sandboxed and isolated, with no Node', () => {
    const { webPreferences: w, show } = printWindowOptions();
    expect(show).toBe(false);
    expect(w.javascript).toBe(false);
    expect(w.sandbox).toBe(true);
    expect(w.contextIsolation).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.webviewTag).toBe(false);
    expect('preload' in w).toBe(false);
  });

  it('prints the same tagged A4 PDF as the CLI: outline, header with the title, "Page X of Y" footer', () => {
    const o = printToPdfOptions();
    expect(o.pageSize).toBe('A4');
    expect(o.generateTaggedPDF).toBe(true);
    expect(o.generateDocumentOutline).toBe(true);
    expect(o.displayHeaderFooter).toBe(true);
    expect(o.headerTemplate).toBe(PDF_HEADER_TEMPLATE);
    expect(o.footerTemplate).toBe(PDF_FOOTER_TEMPLATE);
    expect(PDF_HEADER_TEMPLATE).toContain('<span class="title"></span>');
    expect(PDF_FOOTER_TEMPLATE).toMatch(/Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/);
    // Margins in inches: 20 mm top and bottom, 17 mm left and right.
    expect(o.margins.top).toBeCloseTo(20 / 25.4, 6);
    expect(o.margins.left).toBeCloseTo(17 / 25.4, 6);
  });

  it('offers the right file type in the save dialog', () => {
    expect(saveFilters('pdf')).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(saveFilters('html')[0]!.extensions).toContain('html');
    expect(saveFilters('docx')).toEqual([{ name: 'Word document', extensions: ['docx'] }]);
  });
});
