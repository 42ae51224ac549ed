import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChapter } from '../../../../electron/services/documents/chapters';
import { renderDocumentHtml } from '../../../../electron/services/export/documentHtml';
import { exportDocument, exportFileName, writeFileAtomic } from '../../../../electron/services/export/exportDocument';
import { type Library, openLibrary } from '../../../../electron/services/library/openLibrary';
import { createProject, openProject, type Project } from '../../../../electron/services/project/project';
import type { DocJson, NodeJson } from '../../../../shared/api/chapters';
import { defaultChartAttrs } from '../../../../shared/editor/nodes/chart';
import { activeContent, sampleWorkspace } from './helpers';

const chart = (attrs: Record<string, unknown>): NodeJson => ({ type: 'chart', attrs: { ...defaultChartAttrs, ...attrs } });
const para = (...content: NodeJson[]): NodeJson => ({ type: 'paragraph', content });
const text = (t: string, marks?: NodeJson['marks']): NodeJson => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('exporting a document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-export-'));
  let project: Project;
  let library: Library;

  beforeAll(async () => {
    const ws = await sampleWorkspace(join(dir, 'ws'));
    project = openProject(ws.projectPath);
    library = openLibrary(ws.libraryPath, { readOnly: true });
  });
  afterAll(() => {
    project?.close();
    library?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function scratch(name: string, chapters: [string, DocJson][]): Project {
    const p = createProject(join(dir, `${name}.jsna`), name);
    for (const [t, d] of chapters) addChapter(p, t, d);
    return p;
  }

  it('reports progress chart by chart up to the whole, and the date on the title page is the one given', async () => {
    const seen: { done: number; total: number }[] = [];
    const r = await renderDocumentHtml(project, library, { now: new Date('2026-03-05T12:00:00Z'), onProgress: (p) => seen.push({ done: p.done, total: p.total }) });
    expect(r.figures).toBe(8);
    expect(seen[0]).toEqual({ done: 0, total: 9 });
    expect(seen.at(-1)).toEqual({ done: 9, total: 9 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    expect(r.html).toContain('<dd>5 March 2026</dd>');
    expect(r.timings.svgMs).toBeGreaterThan(0);
  });

  it('stops between charts when cancelled, with a CANCELLED error', async () => {
    const controller = new AbortController();
    const err = await renderDocumentHtml(project, library, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    }).catch((e: unknown) => e as { code: string; message: string });
    expect(err).toMatchObject({ code: 'CANCELLED', message: 'The export was cancelled.' });
  });

  it('says in its place why a chart cannot be drawn, numbers only the drawn ones, and says so for every chart without a library', async () => {
    const p = scratch('missing', [
      [
        'Charts',
        {
          type: 'doc',
          content: [
            chart({ kind: 'trend', indicatorId: 'NO-SUCH', areaCode: 'E10000028', title: 'A chart of nothing' }),
            chart({ kind: 'trend', indicatorId: 'ILLUS-SR', areaCode: 'E10000028', title: 'School readiness' }),
          ],
        },
      ],
    ]);
    try {
      const r = await renderDocumentHtml(p, library);
      expect(r).toMatchObject({ charts: 2, figures: 1 });
      const doc = new JSDOM(r.html).window.document;
      expect(doc.querySelector('.chart-unavailable')!.textContent).toMatch(/^Chart not available \(A chart of nothing\): /);
      expect(doc.querySelector('.chart-unavailable')!.getAttribute('role')).toBe('note');
      expect(doc.querySelector('figcaption')!.textContent).toBe('Figure 1: School readiness');
      const none = await renderDocumentHtml(p, null);
      expect(none).toMatchObject({ charts: 2, figures: 0 });
      expect(new JSDOM(none.html).window.document.querySelectorAll('.chart-unavailable')).toHaveLength(2);
      expect(none.html).toMatch(/could not be opened/);
    } finally {
      p.close();
    }
  });

  it('sanitises what authors typed: no script, handlers or javascript: links survive; text that looks like markup stays text', async () => {
    const p = scratch('hostile', [
      [
        'Hostile',
        {
          type: 'doc',
          content: [
            para(text('<script>alert(1)</script><img src=x onerror=alert(2)>')),
            para(text('evil link', [{ type: 'link', attrs: { href: 'javascript:alert(3)' } }])),
            para(text('good link', [{ type: 'link', attrs: { href: 'https://www.gov.uk/' } }])),
            para(text('<div data-jsna-slot="x-1"></div>')),
          ],
        },
      ],
    ]);
    try {
      const r = await renderDocumentHtml(p, library);
      expect(activeContent(r.html)).toEqual([]);
      const doc = new JSDOM(r.html).window.document;
      const chapter = doc.querySelector('.chapter')!;
      expect(chapter.textContent).toContain('<script>alert(1)</script><img src=x onerror=alert(2)>');
      expect(chapter.querySelector('script, img, svg')).toBeNull();
      expect(doc.querySelector('a[href^="javascript"]')).toBeNull();
      expect(doc.querySelector('a[href="https://www.gov.uk/"]')!.textContent).toBe('good link');
    } finally {
      p.close();
    }
  });

  it('puts chapter headings under the chapter title without skipping a level, each in the contents', async () => {
    const p = scratch('headings', [
      [
        'Deep',
        {
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 3 }, content: [text('Top')] },
            { type: 'heading', attrs: { level: 4 }, content: [text('Under')] },
            { type: 'heading', attrs: { level: 3 }, content: [text('Next')] },
          ],
        },
      ],
    ]);
    try {
      const doc = new JSDOM((await renderDocumentHtml(p, null)).html).window.document;
      const levels = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName}:${h.textContent}`);
      expect(levels).toEqual(['H1:headings', 'H2:Contents', 'H2:1. Deep', 'H3:Top', 'H4:Under', 'H3:Next']);
      expect([...doc.querySelectorAll('nav.toc a')].map((a) => a.textContent)).toEqual(['1. Deep', 'Top', 'Next']);
    } finally {
      p.close();
    }
  });

  it('exports HTML bytes, and PDF through the print engine it is given, from a temp copy of the same HTML that is removed afterwards', async () => {
    const html = await exportDocument(project, library, { format: 'html' });
    expect(html.bytes.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(html.printMs).toBe(0);
    let printed = '';
    let printedPath = '';
    const pdf = await exportDocument(project, library, {
      format: 'pdf',
      printPdf: async (path) => {
        printedPath = path;
        printed = readFileSync(path, 'utf8');
        return Buffer.from('%PDF-1.4 fake');
      },
    });
    expect(pdf.bytes.toString()).toBe('%PDF-1.4 fake');
    expect(printed).toBe(pdf.html.html);
    expect(printedPath.endsWith('Children and young people JSNA (sample).html')).toBe(true);
    expect(existsSync(printedPath)).toBe(false);
  });

  it('names files safely and writes them whole or not at all', () => {
    expect(exportFileName('A/B: "C" <d>?', 'pdf')).toBe('A B C d.pdf');
    expect(exportFileName(' ... ', 'html')).toBe('JSNA.html');
    const out = join(dir, 'atomic');
    rmSync(out, { recursive: true, force: true });
    expect(() => writeFileAtomic(join(out, 'x.html'), Buffer.from('x'))).toThrow(/its folder does not exist/);
    writeFileAtomic(join(dir, 'ok.html'), Buffer.from('ok'));
    expect(readFileSync(join(dir, 'ok.html'), 'utf8')).toBe('ok');
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});

describe('printing with Chromium outside the app', () => {
  it('cancelling while Chromium starts closes it and leaves no profile behind', { timeout: 60_000 }, async () => {
    const { startPlaywrightPrinter } = await import('../../../../electron/services/export/printPdf');
    // A private temp folder (os.tmpdir() follows TMPDIR), so the check sees only this test's profile.
    const mine = mkdtempSync(join(tmpdir(), 'jsna-cancel-launch-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = mine;
    try {
      const controller = new AbortController();
      const started = startPlaywrightPrinter(controller.signal);
      expect(readdirSync(mine).filter((f) => f.startsWith('jsna-print-'))).toHaveLength(1);
      setTimeout(() => controller.abort(), 50);
      await expect(started).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(readdirSync(mine)).toEqual([]);
      const { execFileSync } = await import('node:child_process');
      expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(mine);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(mine, { recursive: true, force: true });
    }
  });
});
