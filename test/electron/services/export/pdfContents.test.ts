import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../../../electron/services/export/exportDocument';
import { findChromium } from '../../../../electron/services/export/findChromium';
import { destinationPages, fillPageNumbers } from '../../../../electron/services/export/pdfContents';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { openProject } from '../../../../electron/services/project/project';
import { pdfPages, poppler, sampleWorkspace } from './helpers';

describe('page numbers in the PDF contents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-pdf-toc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills only the slots it has a page for', () => {
    const html = '<span class="toc-page" data-page-of="a"></span><span class="toc-page" data-page-of="b"></span>';
    expect(fillPageNumbers(html, new Map([['a', 4]]))).toBe('<span class="toc-page" data-page-of="a">4</span><span class="toc-page" data-page-of="b"></span>');
  });

  it.skipIf(!findChromium())('the sample’s contents and list of figures give the pages where the headings and figures really are', async () => {
    const ws = await sampleWorkspace(join(dir, 'ws'));
    const project = openProject(ws.projectPath, { readOnly: true });
    const library = openLibrary(ws.libraryPath, { readOnly: true });
    try {
      const r = await exportDocument(project, library, { format: 'pdf' });
      const path = join(dir, 'sample.pdf');
      writeFileSync(path, r.bytes);
      const { pages, pageCount } = destinationPages(r.bytes);
      expect(pageCount).toBe(Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', path))![1]));
      const text = pdfPages(path);
      const contents = text.findIndex((p) => p.includes('Contents 1. About this sample'));
      expect(contents).toBeGreaterThan(0);
      for (const [heading, id] of [
        ['1. About this sample', 'chapter-1'],
        ['2. Measuring progress', 'chapter-2'],
        ['Appendix: Recommendations by partner', 'recommendations-by-partner'],
      ] as const) {
        const entry = new RegExp(`${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(text[contents]!);
        expect(entry, heading).not.toBeNull();
        const real = text.findIndex((p, i) => i > contents + 1 && p.includes(heading)) + 1;
        expect(Number(entry![1]), heading).toBe(real);
        expect(pages.get(id)).toBe(real);
      }
      // Every entry in the list of figures (up to the footer, "Page 3 of 26"): the number it gives is the page where that figure's caption is.
      const figures = text.findIndex((p) => p.includes('Figures Figure 1:'));
      expect(figures).toBeGreaterThan(contents);
      const listed = [...text[figures]!.matchAll(/Figure (\d+): (.*?) (\d+)(?= Figure \d+:| Page \d+ of \d+|$)/g)];
      expect(listed.length).toBe(r.html.figures);
      for (const [, n, title, page] of listed) {
        // The caption (number and title: the text may mention a figure elsewhere).
        const real = text.findIndex((p, i) => i > figures && p.includes(`Figure ${n}: ${title}`)) + 1;
        expect(Number(page), `Figure ${n}`).toBe(real);
        expect(pages.get(`figure-${n}`), `Figure ${n}`).toBe(real);
      }
    } finally {
      project.close();
      library.close();
    }
  }, 120_000);
});
