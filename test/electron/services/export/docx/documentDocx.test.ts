import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../../../../electron/services/export/exportDocument';
import { type Library, openLibrary } from '../../../../../electron/services/library/openLibrary';
import { openProject, type Project } from '../../../../../electron/services/project/project';
import { pdfPages, sampleWorkspace } from '../helpers';
import { docxToPdf, noPythonDocx, noSoffice, readDocx } from './wordTools';

describe('Word (DOCX) export of the sample', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-docx-'));
  const docxPath = join(dir, 'sample.docx');
  let project: Project;
  let library: Library;
  let figures = 0;

  beforeAll(async () => {
    const ws = await sampleWorkspace(join(dir, 'ws'));
    project = openProject(ws.projectPath, { readOnly: true });
    library = openLibrary(ws.libraryPath, { readOnly: true });
    const r = await exportDocument(project, library, { format: 'docx', now: new Date('2026-03-05T12:00:00Z') });
    expect(r.format).toBe('docx');
    figures = r.html.figures;
    writeFileSync(docxPath, r.bytes);
  }, 120_000);
  afterAll(() => {
    project?.close();
    library?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(noPythonDocx)('has alt text on every chart, a SEQ Figure field per figure, Heading 1 chapters, a table per chart with a repeating header, en-GB', () => {
    const facts = readDocx(docxPath);
    expect(figures).toBe(8);
    expect(facts.images).toHaveLength(figures);
    facts.images.forEach((img, i) => {
      expect(img.name).toBe(`Figure ${i + 1}`);
      expect(img.title.length).toBeGreaterThan(5);
      expect(img.descr.length).toBeGreaterThan(20);
    });
    expect(facts.seqFigures).toBe(figures);
    expect(facts.headings['Heading 1']).toEqual(expect.arrayContaining(['1. About this sample', '2. Measuring progress', '3. Recommendations', 'Appendix: Recommendations by partner']));
    expect(facts.headings['Heading 2']?.length).toBeGreaterThan(3);
    expect(facts.tables).toBeGreaterThanOrEqual(figures);
    expect(facts.tablesWithHeaderRow).toBeGreaterThanOrEqual(figures);
    expect(facts.language).toEqual(['en-GB']);
  });

  it.skipIf(noSoffice)('converts in LibreOffice to a PDF whose contents give the pages the headings are really on, with Figure 1 and Page X of Y', () => {
    const pdf = docxToPdf(docxPath, dir);
    const pages = pdfPages(pdf);
    const all = pages.join('\n');
    expect(all).toContain('Figure 1: ');
    expect(pages[1]).toContain('Contents');
    expect(pages[1]).toMatch(new RegExp(`Page 2 of ${pages.length}`));
    // Three headings: the contents' page number for each is the page where it starts.
    for (const heading of ['1. About this sample', '2. Measuring progress', 'Appendix: Recommendations by partner']) {
      const entry = new RegExp(`${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ .]*?(\\d+)`).exec(pages[1]!);
      expect(entry, heading).not.toBeNull();
      const page = Number(entry![1]);
      const starts = pages.findIndex((p, i) => i > 2 && p.includes(heading)) + 1;
      expect(page, heading).toBe(starts);
    }
    // The list of figures too: Figure 1's page is where its caption is.
    const figuresPage = pages.findIndex((p) => p.includes('Figures Figure 1:'));
    const fig1 = /Figure 1: [^]*?[ .](\d+) Figure 2:/.exec(pages[figuresPage]!);
    expect(Number(fig1![1])).toBe(pages.findIndex((p, i) => i > figuresPage && p.includes('Figure 1: ')) + 1);
  }, 180_000);
});
