import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChartData } from '../../../electron/services/charts/chartData';
import { getChapter, listChapters } from '../../../electron/services/documents/chapters';
import { openLibrary } from '../../../electron/services/library/openLibrary';
import { openProject } from '../../../electron/services/project/project';
import type { DocJson } from '../../../shared/api/chapters';
import { type ChartAttrs, defaultChartAttrs } from '../../../shared/editor/nodes/chart';
import { jsna } from '../../helpers/cli';
import { useTempDir } from '../../helpers/tmp';

type Node = { type: string; text?: string; attrs?: Record<string, unknown>; content?: Node[] };

function nodes(doc: DocJson, type: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === type) out.push(n);
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc as unknown as Node);
  return out;
}
const textOf = (n: Node): string => n.text ?? (n.content ?? []).map(textOf).join('');

const SEED_004 = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seeds', '004_staffs_stoke_cyp_programme.txt'), 'utf8').replace(/\s+/g, ' ');

describe('jsna demo', () => {
  const tmp = useTempDir();

  async function demo(): Promise<{ project: string; library: string }> {
    const r = await jsna('demo', join(tmp(), 'demo'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.out) as { project: string; library: string };
  }

  it('writes a copy of the sample workspace (project and library, the project pointing at the library) and will not overwrite one', async () => {
    const ws = await demo();
    expect(ws).toEqual({ project: join(tmp(), 'demo', 'Sample JSNA.jsna'), library: join(tmp(), 'demo', 'Sample indicator library.jsnalib') });
    const project = openProject(ws.project, { readOnly: true });
    try {
      expect(project.getMeta('title')).toBe('Children and young people JSNA (sample)');
      expect(project.libraryPath).toBe(ws.library);
      expect(listChapters(project).map((c) => c.title)).toEqual(['About this sample', 'Measuring progress', 'Recommendations']);
    } finally {
      project.close();
    }
    const again = await jsna('demo', join(tmp(), 'demo'));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists; choose an empty folder/);
  });

  it('refuses a path that is a file, saying so, and leaves the file as it was', async () => {
    const file = join(tmp(), 'notes.csv');
    writeFileSync(file, 'my data\n');
    const r = await jsna('demo', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file} is a file, not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('my data\n');
  });

  it('has seed 000 as its recommendations chapter: 22 recommendations with their partner tags, without the web page\'s "Skip to content"', async () => {
    const ws = await demo();
    const project = openProject(ws.project, { readOnly: true });
    try {
      const chapter = listChapters(project).find((c) => c.title === 'Recommendations')!;
      const doc = getChapter(project, chapter.id).doc;
      const recs = nodes(doc, 'recommendation');
      expect(recs).toHaveLength(22);
      expect(recs[0]!.attrs!.partners).toEqual(['HWB', 'CTB']);
      expect(recs.every((r) => Array.isArray(r.attrs!.partners) && (r.attrs!.partners as string[]).length > 0)).toBe(true);
      expect(recs.some((r) => (r.attrs!.partners as string[]).includes('other partners'))).toBe(true);
      expect(JSON.stringify(doc)).not.toContain('Skip to content');
      expect(nodes(doc, 'heading').map(textOf)).toContain('Mental health');
    } finally {
      project.close();
    }
  });

  it('has a "Measuring progress" chapter on seed 004\'s basket of indicators: population outcomes and operational measures, each with live charts', async () => {
    const ws = await demo();
    const project = openProject(ws.project, { readOnly: true });
    try {
      const chapter = listChapters(project).find((c) => c.title === 'Measuring progress')!;
      const doc = getChapter(project, chapter.id).doc;
      const top = (doc as unknown as Node).content!;
      const headings = top.filter((n) => n.type === 'heading').map(textOf);
      expect(headings).toEqual(expect.arrayContaining(['Our basket of indicators', 'Population health outcomes', 'Operational measures']));
      // Under each of the two headings, before the next: at least one basket chart from the library.
      for (const h of ['Population health outcomes', 'Operational measures']) {
        const start = top.findIndex((n) => n.type === 'heading' && textOf(n) === h);
        const end = top.findIndex((n, i) => i > start && n.type === 'heading');
        const section = top.slice(start + 1, end === -1 ? undefined : end);
        const charts = section.filter((n) => n.type === 'chart');
        expect(charts.some((c) => c.attrs!.kind === 'basket'), h).toBe(true);
      }
      // Quoted from seed 004, word for word.
      const quote = /“([^”]+)”/.exec(JSON.stringify(doc))![1]!;
      expect(SEED_004.includes(quote), quote).toBe(true);
      expect(SEED_004.includes('basket of indicators')).toBe(true);
    } finally {
      project.close();
    }
  });

  it('draws every chart in the sample with rows from the sample library: no "no data" charts', async () => {
    const ws = await demo();
    const project = openProject(ws.project, { readOnly: true });
    const library = openLibrary(ws.library, { readOnly: true });
    try {
      const charts = listChapters(project).flatMap((c) => nodes(getChapter(project, c.id).doc, 'chart'));
      expect(charts.length).toBe(8);
      for (const c of charts) {
        const attrs = { ...defaultChartAttrs, ...c.attrs } as ChartAttrs;
        const r = loadChartData(library, attrs);
        expect(r.ok, `${attrs.title}: ${r.ok ? '' : r.message}`).toBe(true);
        if (!r.ok) continue;
        const data = r.data as { rows?: { value: number | null }[]; items?: { latest: { value: number | null } | null }[] };
        if (attrs.kind === 'basket') {
          expect(data.items!.length, attrs.title).toBe(attrs.indicatorIds.length);
          for (const item of data.items!) expect(item.latest?.value, attrs.title).toEqual(expect.any(Number));
        } else {
          expect(data.rows!.filter((row) => row.value !== null).length, attrs.title).toBeGreaterThan(attrs.kind === 'inequality' ? 9 : 1);
        }
      }
    } finally {
      library.close();
      project.close();
    }
  });
});
