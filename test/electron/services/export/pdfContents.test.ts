import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdf } from '../../../../electron/services/export/chromiumPdf';
import { exportDocument } from '../../../../electron/services/export/exportDocument';
import { findChromium } from '../../../../electron/services/export/findChromium';
import { destinationPages, fillPageNumbers, printWithPageNumbers, withPlaceholders } from '../../../../electron/services/export/pdfContents';
import { type StartedPrinter, startPlaywrightPrinter } from '../../../../electron/services/export/printPdf';
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
      expect(r.prints).toBe(1);
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
      const listed = figureListEntries(poppler('pdftotext', '-layout', '-f', String(figures + 1), '-l', String(figures + 1), path, '-'));
      expect(listed.length).toBe(r.html.figures);
      for (const { n, title, page } of listed) {
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

  /** The sample exported to HTML, and a started Chromium to print it with (closed afterwards). */
  async function withSampleHtml(name: string, fn: (html: string, printer: StartedPrinter) => Promise<void>): Promise<void> {
    const ws = await sampleWorkspace(join(dir, `ws-${name}`));
    const project = openProject(ws.projectPath, { readOnly: true });
    const library = openLibrary(ws.libraryPath, { readOnly: true });
    const printer = await startPlaywrightPrinter();
    try {
      await fn((await exportDocument(project, library, { format: 'html' })).bytes.toString('utf8'), printer);
    } finally {
      await printer.close();
      project.close();
      library.close();
    }
  }

  /** Each page's image (pdftoppm, PNG bytes) of pages first..last. */
  function pageImages(pdf: Buffer, name: string, first: number, last: number): Buffer[] {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, pdf);
    poppler('pdftoppm', '-r', '60', '-f', String(first), '-l', String(last), '-png', path, join(dir, name));
    return Array.from({ length: last - first + 1 }, (_x, i) => readFileSync(join(dir, `${name}-${String(first + i).padStart(2, '0')}.png`)));
  }

  it.skipIf(!findChromium())('one print: the numbers written into it read, look and tag as a second print with them in the HTML would; the second and third export the same', () =>
    withSampleHtml('once', async (html, printer) => {
      const htmlPath = join(dir, 'once.html');
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await printWithPageNumbers(html, htmlPath, () => printer.print(htmlPath)));
      for (const r of runs) expect(r.passes).toBe(1);
      const [once] = runs;
      expect(runs[1]!.html).toBe(once!.html);
      expect(runs[2]!.bytes.length).toBe(once!.bytes.length);
      // The same HTML with the numbers in it, printed: what the written-in numbers must equal.
      writeFileSync(htmlPath, once!.html);
      const twice = await printer.print(htmlPath);
      const [a, b] = [once!.bytes, twice].map((bytes, i) => {
        const path = join(dir, `once-${i}.pdf`);
        writeFileSync(path, bytes);
        // poppler reads the rewritten file without complaint (stderr) and finds the same text.
        const out = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
        expect(out.stderr).toBe('');
        return out.stdout;
      });
      expect(a).toContain('Contents');
      expect(a).toBe(b);
      expect(pageImages(once!.bytes, 'once', 2, 3)).toEqual(pageImages(twice, 'twice', 2, 3));
      // Every object where the rewritten cross-reference table says it is; the tags and destinations as before.
      const pdf = ChromiumPdf.read(once!.bytes)!;
      for (const n of pdf.pages()) expect(pdf.object(n)).toMatch(/\/Type \/Page\b/);
      expect([...destinationPages(once!.bytes).pages]).toEqual([...destinationPages(twice).pages]);
      expect(once!.bytes.toString('latin1')).toContain('/StructTreeRoot');
    }), 120_000);

  it.skipIf(!findChromium())('when the placeholder cannot be told from the text (an entry that reads "000"), a second print with the numbers in the HTML', () =>
    withSampleHtml('fallback', async (html, printer) => {
      const htmlPath = join(dir, 'fallback.html');
      const odd = html.replace(/(<a href="#chapter-1-section-1">)[^<]*</, '$1000<');
      expect(odd).not.toBe(html);
      const printed = await printWithPageNumbers(odd, htmlPath, () => printer.print(htmlPath));
      expect(printed.passes).toBe(2);
      const real = destinationPages(printed.bytes);
      const filled = [...printed.html.matchAll(/data-page-of="([^"]+)">(\d+)</g)];
      expect(filled.length).toBeGreaterThan(10);
      for (const [, id, page] of filled) expect(Number(page), id).toBe(real.pages.get(id!));
    }), 120_000);

  it.skipIf(!findChromium())('when the first print falls differently from the real one, the numbers still come from the real layout', () =>
    withSampleHtml('off', async (html, printer) => {
      const htmlPath = join(dir, 'off.html');
      // Second prints are forced (an entry that reads like the placeholder), and the first print
      // is of a different layout: a blank page more after the title page, so every later page is one off.
      const odd = html.replace(/(<a href="#chapter-1-section-1">)[^<]*</, '$1000<');
      const offPath = join(dir, 'off-first.html');
      writeFileSync(offPath, withPlaceholders(odd).replace('</head>', '<style>@media print { .title-page { padding-bottom: 300mm; } }</style></head>'));
      let prints = 0;
      const printed = await printWithPageNumbers(odd, htmlPath, () => printer.print(prints++ === 0 ? offPath : htmlPath));
      expect(printed.passes).toBe(3);
      const real = destinationPages(printed.bytes);
      const filled = [...printed.html.matchAll(/data-page-of="([^"]+)">(\d+)</g)];
      expect(filled.length).toBeGreaterThan(10);
      for (const [, id, page] of filled) expect(Number(page), id).toBe(real.pages.get(id!));
    }), 120_000);
});

/**
 * The list of figures as laid out (pdftotext -layout): "Figure N: title … page" on a line, the page
 * number at the right of the entry's first line; a long title goes on below it.
 */
function figureListEntries(layoutText: string): { n: string; title: string; page: string }[] {
  const entries: { n: string; title: string; page: string }[] = [];
  for (const line of layoutText.split('\n')) {
    const start = /^\s*Figure (\d+): (.*?)\s{2,}(\d+)\s*$/.exec(line);
    if (start) entries.push({ n: start[1]!, title: start[2]!, page: start[3]! });
    else if (entries.length && line.trim() && !/^\s*Page \d+ of \d+\s*$/.test(line)) entries.at(-1)!.title += ` ${line.trim()}`;
  }
  return entries;
}
