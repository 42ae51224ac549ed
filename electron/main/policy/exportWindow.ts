import { SECURE_WEB_PREFERENCES } from './windowOptions';
import { inches, PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS_MM } from '../../services/export/pdfOptions';

/**
 * The hidden window the app prints a PDF in, and how it prints: pure, so tests hold them to account.
 * The page is our own sanitised, script-free export; it is still loaded with JavaScript off, no
 * preload, sandboxed and isolated, and may not navigate or open windows (exportPdf.ts denies both).
 */
export function printWindowOptions() {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, so screen-media layout matches the printed width
    height: 1123,
    webPreferences: {
      javascript: false,
      ...SECURE_WEB_PREFERENCES,
      images: true,
      spellcheck: false,
      offscreen: false,
    },
  } as const;
}

/** webContents.printToPDF options: the same A4 page, margins, header and footer as the CLI's Chromium print. */
export function printToPdfOptions() {
  return {
    pageSize: 'A4' as const,
    margins: {
      top: inches(PDF_MARGINS_MM.top),
      bottom: inches(PDF_MARGINS_MM.bottom),
      left: inches(PDF_MARGINS_MM.left),
      right: inches(PDF_MARGINS_MM.right),
    },
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: PDF_FOOTER_TEMPLATE,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

/** The save dialog's file type filter for a format. */
export function saveFilters(format: 'html' | 'pdf' | 'docx'): { name: string; extensions: string[] }[] {
  if (format === 'docx') return [{ name: 'Word document', extensions: ['docx'] }];
  return format === 'pdf' ? [{ name: 'PDF document', extensions: ['pdf'] }] : [{ name: 'Web page (HTML)', extensions: ['html', 'htm'] }];
}
