import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChapters, renameChapter } from '../../../electron/services/documents/chapters';
import { openProject } from '../../../electron/services/project/project';
import { jsna } from '../../helpers/cli';

interface Chapter {
  id: string;
  title: string;
}

describe('jsna render --chapter: only the chapters named (by title or id), in the document order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-render-chapters-'));
  let project = '';
  let chapters: Chapter[] = [];
  beforeAll(async () => {
    const demo = await jsna('demo', join(dir, 'workspace'));
    project = (JSON.parse(demo.out) as { project: string }).project;
    chapters = JSON.parse((await jsna('doc', 'chapters', project, '--format', 'json')).out) as Chapter[];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function renderedChapters(...args: string[]): Promise<{ titles: string[]; appendix: boolean; recommendations: number }> {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}.html`);
    const r = await jsna('render', project, ...args, '--to', 'html', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = new JSDOM(readFileSync(out, 'utf8')).window.document;
    return {
      titles: [...doc.querySelectorAll('section.chapter > h2')].map((h) => h.textContent ?? ''),
      appendix: doc.querySelector('#recommendations-by-partner') !== null,
      recommendations: (JSON.parse(r.out) as { recommendations: number }).recommendations,
    };
  }

  it('exports every chapter by default, and only those named when asked, again and again', async () => {
    expect(chapters.map((c) => c.title)).toEqual(['About this sample', 'Measuring progress', 'Recommendations']);
    const all = await renderedChapters();
    expect(all.titles).toEqual(['1. About this sample', '2. Measuring progress', '3. Recommendations']);
    expect(all.recommendations).toBeGreaterThan(0);

    const byTitle = await renderedChapters('--chapter', 'measuring progress');
    expect(byTitle.titles).toEqual(['1. Measuring progress']);
    expect(byTitle.appendix).toBe(false); // its recommendations are in the chapter left out

    // By id, two of them, named in the other order: the document's order is kept.
    const byId = await renderedChapters('--chapter', chapters[2]!.id, '--chapter', chapters[0]!.id);
    expect(byId.titles).toEqual(['1. About this sample', '2. Recommendations']);
    expect(byId.appendix).toBe(true);
    expect(byId.recommendations).toBe(all.recommendations);
  });

  it('refuses a chapter the project does not have, naming the chapters it has (exit 2)', async () => {
    const r = await jsna('render', project, '--chapter', 'Nope', '--to', 'html', '--out', join(dir, 'x.html'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--chapter: no chapter titled or with id "Nope"\. Chapters: "About this sample", "Measuring progress", "Recommendations"\./);
  });

  it('refuses a title two chapters share, naming both ids, and takes either by its id (exit 2, nothing written)', async () => {
    const text = join(dir, 'more.txt');
    writeFileSync(text, 'Measuring progress, again\n\nA second chapter with the same title.\n');
    // import-text refuses a title the project has, so the second one is imported under another
    // title and renamed, as the app's chapter list lets an analyst do.
    expect((await jsna('doc', 'import-text', project, text, '--chapter', 'Measuring progress, again')).code).toBe(0);
    const p = openProject(project);
    renameChapter(p, listChapters(p).find((c) => c.title === 'Measuring progress, again')!.id, 'Measuring progress');
    p.close();
    const now = JSON.parse((await jsna('doc', 'chapters', project, '--format', 'json')).out) as Chapter[];
    const same = now.filter((c) => c.title === 'Measuring progress');
    expect(same).toHaveLength(2);
    const out = join(dir, 'same.html');
    for (let i = 0; i < 2; i++) {
      const r = await jsna('render', project, '--chapter', 'MEASURING progress', '--to', 'html', '--out', out);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--chapter: 2 chapters have the title "MEASURING progress" (2. "Measuring progress", id ${same[0]!.id}; 4. "Measuring progress", id ${same[1]!.id})`);
      expect(() => readFileSync(out)).toThrow();
    }
    expect((await renderedChapters('--chapter', same[1]!.id)).titles).toEqual(['1. Measuring progress']);
  });
});
