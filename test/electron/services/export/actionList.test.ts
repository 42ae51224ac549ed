import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { addChapter, getChapter, saveChapter } from '../../../../electron/services/documents/chapters';
import { buildActionList, CSV_HEADER, exportActionList } from '../../../../electron/services/export/actionList';
import type { Project } from '../../../../electron/services/project/project';
import { listRegister } from '../../../../electron/services/recommendations/register';
import { setStatus } from '../../../../electron/services/recommendations/status';
import { seededProject } from '../../../helpers/seedProject';
import { activeContent, axeInChromium } from './helpers';
import { useTempDir } from '../../../helpers/tmp';

const NOW = new Date('2026-03-12T10:30:00Z');

describe('per-partner action lists', () => {
  const tmp = useTempDir();
  let project: Project | null = null;
  afterEach(() => project?.close());

  it('groups by partner then chapter; a recommendation is under each of its owners; needs-an-owner last', () => {
    project = seededProject(tmp(), { allRecommendations: true }).project;
    addChapter(project, 'Adults', { type: 'doc', content: [{ type: 'recommendation', attrs: { id: 'a-1', partners: ['LA', 'Scouts'] }, content: [{ type: 'text', text: 'Camp.' }] }] });
    const list = buildActionList(project, {}, NOW);
    expect(list.groups.map((g) => [g.code, g.count])).toEqual([
      ['LA', 17],
      ['CCG', 3],
      ['UHL', 3],
      ['NHSE', 2],
      ['NHS', 9],
      ['LPT', 2],
      ['YOS', 4],
      ['YOM', 3],
      ['HWB', 2],
      ['CTB', 2],
      ['LLRHP', 1],
      ['LSCB', 2],
      ['Police', 1],
      ['other partners', 2],
      ['Scouts', 1],
      [null, 10],
    ]);
    expect(list.groups[0]!.chapters.map((c) => [c.chapter, c.rows.length])).toEqual([
      ['Children and young people', 16],
      ['Adults', 1],
    ]);
    expect(list.groups.at(-2)!.name).toBe('Scouts (not in the partner directory)');
  });

  it('CSV: BOM, CRLF, RFC 4180, curly apostrophes intact when decoded as UTF-8', () => {
    const s = seededProject(tmp());
    project = s.project;
    const first = listRegister(project, { partner: 'LA' }).rows[0]!;
    setStatus(project, { id: first.id, status: 'In progress', rag: 'Amber', dueDate: '2026-03-31', lead: 'Public health, LCC', note: 'Audit under way; "booking by 12 weeks" data\nrequested from UHL.' }, { author: 'Jo' });
    const file = exportActionList(project, { partner: 'LA', format: 'csv' }, NOW);
    expect(file).toMatchObject({ filename: 'action-list-la-2026-03-12.csv', mimeType: 'text/csv;charset=utf-8' });

    const bytes = Buffer.from(file.content, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // Every line break outside a quoted field is CRLF.
    const records = parse(text, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(records[0]).toEqual([...CSV_HEADER]);
    expect(records).toHaveLength(17);
    expect(text.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/\n/g)!.length).toBe(text.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/\r\n/g)!.length);
    expect(text).toContain('Breastfeeding initiatives including peer support, through the city’s 0-19 Healthy Child Programme');
    expect(records.some((r) => r[4]!.includes('city’s'))).toBe(true);
    const row = records[1]!;
    expect(row).toEqual([
      'LA',
      'Local authority (city council)',
      'Children and young people',
      '0 to 19 year old children',
      first.text,
      'CCG/UHL/LA',
      'In progress',
      'Amber',
      '2026-03-31',
      'Public health, LCC',
      'Audit under way; "booking by 12 weeks" data\nrequested from UHL.',
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      'Jo',
      first.id,
    ]);
    expect(records.slice(1).every((r) => r[0] === 'LA')).toBe(true);
  });

  it('ICB with successors lists the CCG-tagged recommendations, saying so', () => {
    project = seededProject(tmp()).project;
    const list = buildActionList(project, { partner: 'icb', includeSuccessors: true }, NOW);
    expect(list.partner).toBe('ICB');
    expect(list.groups).toHaveLength(1);
    expect(list.groups[0]).toMatchObject({ code: 'ICB', name: 'Integrated Care Board', includes: ['CCG'], count: 3 });
    const html = exportActionList(project, { partner: 'ICB', includeSuccessors: true, format: 'html' }, NOW).content;
    expect(html).toContain('including those tagged CCG, whose duties ICB took over');
  });

  it('HTML: standalone, accessible, no script, a captioned table per partner and chapter', () => {
    const s = seededProject(tmp());
    project = s.project;
    const yos = listRegister(project, { partner: 'YOS' }).rows[0]!;
    setStatus(project, { id: yos.id, status: 'Not progressing', rag: 'Red', note: 'Waiting on <b>funding</b> & a <script>alert(1)</script> decision.' }, { author: 'Jo' });
    const file = exportActionList(project, { format: 'html' }, NOW);
    expect(file).toMatchObject({ filename: 'action-list-all-partners-2026-03-12.html', mimeType: 'text/html;charset=utf-8' });
    const html = file.content;
    expect(html).not.toMatch(/<script/i);
    expect(activeContent(html)).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);

    const { document } = new JSDOM(html).window;
    expect(document.documentElement.lang).toBe('en-GB');
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(document.title).toBe('Recommendations action list – Leicester CYP JSNA');
    expect(document.querySelector('style')!.textContent).toContain('@media print');
    const tables = [...document.querySelectorAll('table')];
    expect(tables).toHaveLength(14); // one chapter × 14 partners with recommendations
    for (const t of tables) {
      expect(t.querySelector('caption')?.textContent).toMatch(/: recommendations in “Children and young people” \(\d+\)$/);
      expect([...t.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);
      expect([...t.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    }
    const h2 = [...document.querySelectorAll('section > h2')].map((h) => h.textContent);
    expect(h2[0]).toBe('LA – Local authority (city council)');
    expect(document.querySelectorAll('nav a')).toHaveLength(14);
    // The note is text, status and RAG are words.
    const yosTable = tables.find((t) => t.querySelector('caption')!.textContent!.startsWith('YOS:'))!;
    const cells = [...yosTable.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toContain('Not progressing');
    expect(cells).toContain('Red');
    expect(yosTable.textContent).toContain('Waiting on <b>funding</b> & a <script>alert(1)</script> decision.');
    expect(yosTable.querySelector('b')).toBeNull();
  });

  it('HTML: axe-core finds no WCAG 2.2 A/AA violations in real Chromium, for all partners and for one', async () => {
    const dir = tmp();
    project = seededProject(dir).project;
    const la = listRegister(project, { partner: 'LA' }).rows[0]!;
    setStatus(project, { id: la.id, status: 'In progress', rag: 'Amber', dueDate: '2026-03-31', lead: 'Public health', note: 'Audit under way.' }, { author: 'Jo' });
    for (const partner of [undefined, 'LA']) {
      const path = join(dir, `list-${partner ?? 'all'}.html`);
      writeFileSync(path, exportActionList(project, { ...(partner ? { partner } : {}), format: 'html' }, NOW).content, 'utf8');
      const { violations, passes } = await axeInChromium(path);
      expect(violations).toEqual([]);
      expect(passes).toBeGreaterThan(10);
    }
  }, 60_000);

  it('leaves out recommendations removed from the document', () => {
    const s = seededProject(tmp());
    project = s.project;
    const chapter = getChapter(project, s.chapterId);
    const gone = listRegister(project, { partner: 'LLRHP' }).rows[0]!;
    saveChapter(project, s.chapterId, { ...chapter.doc, content: chapter.doc.content!.filter((n) => n.attrs?.id !== gone.id) }, chapter.revision);
    const csv = exportActionList(project, { format: 'csv' }, NOW).content;
    expect(csv).not.toContain(gone.id);
    expect(exportActionList(project, { partner: 'LLRHP', format: 'html' }, NOW).content).toContain('No recommendations match.');
  });
});
