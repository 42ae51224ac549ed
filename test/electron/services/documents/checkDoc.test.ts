import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocJson } from '../../../../shared/api/chapters';
import { defaultChartAttrs } from '../../../../shared/editor/nodes/chart';
import { addChapter, getChapter, listChapters, saveChapter } from '../../../../electron/services/documents/chapters';
import { checkChapterDoc } from '../../../../electron/services/documents/checkDoc';
import { createProject, type Project } from '../../../../electron/services/project/project';
import { createSampleProject } from '../../../../electron/services/sample/sampleWorkspace';
import { useTempDir } from '../../../helpers/tmp';

const para = (text: string, marks?: { type: string }[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const docOf = (...content: unknown[]) => ({ type: 'doc', content }) as DocJson;
const chart = (attrs: Record<string, unknown>) => ({ type: 'chart', attrs: { ...defaultChartAttrs, id: 'c1', indicatorId: '93356', areaCode: 'E06000016', ...attrs } });

/** The project file and its WAL, byte for byte, and what the connection has written. */
function fingerprint(p: Project, path: string): string {
  const h = createHash('sha256');
  for (const f of [path, `${path}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  const { n } = p.db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${h.digest('hex')}:${n}`;
}

describe('chapters.save checks the document against the editor schema', () => {
  const tmp = useTempDir();

  const wrong: [string, DocJson, RegExp][] = [
    ['a node type the schema lacks', docOf(para('ok'), { type: 'marquee', content: [] }), /doc\.content\[1\]: unknown node type "marquee"/],
    ['a mark the schema lacks', docOf(para('ok'), para('shiny', [{ type: 'blink' }])), /doc\.content\[1\]\.content\[0\]\.marks\[0\]: unknown mark "blink"/],
    ['a mark where the schema forbids it (bold in a code block)', docOf({ type: 'codeBlock', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }), /Invalid content for node codeBlock/],
    ['an attribute the node does not have', docOf({ type: 'paragraph', attrs: { colour: 'red' } }), /doc\.content\[0\] \(paragraph\): unknown attribute "colour"/],
    ['a chart whose period is text, not a number', docOf(chart({ periodFrom: '2015' })), /doc\.content\[0\] \(chart\): attribute "periodFrom": .*number/i],
    ['a chart whose indicators are not a list', docOf(chart({ indicatorIds: '93356' })), /\(chart\): attribute "indicatorIds"/],
    ['a chart of a kind that does not exist', docOf(chart({ kind: 'pie' })), /\(chart\): attribute "kind"/],
    ['a chart whose title is a number', docOf(chart({ title: 7 })), /\(chart\): attribute "title": expected string, received number/],
    ['content the node may not hold (a heading inside a paragraph)', docOf({ type: 'paragraph', content: [{ type: 'heading', attrs: { level: 2 }, content: [] }] }), /Invalid content for node paragraph/],
    ['a text node without text', docOf({ type: 'paragraph', content: [{ type: 'text' }] }), /doc\.content\[0\]\.content\[0\] \(text\): a text node without text/],
    ['an empty text node', docOf({ type: 'paragraph', content: [{ type: 'text', text: '' }] }), /doc\.content\[0\]\.content\[0\] \(text\): empty text/],
  ];

  for (const [what, doc, message] of wrong) {
    it(`refuses ${what}, naming it, and writes nothing`, () => {
      const path = join(tmp(), 'w.jsna');
      const p = createProject(path, 'T');
      const c = addChapter(p, 'One');
      saveChapter(p, c.id, docOf(para('kept')), 1);
      const before = fingerprint(p, path);
      let error: unknown;
      try {
        saveChapter(p, c.id, doc, 2);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'BAD_INPUT' });
      expect((error as Error).message).toMatch(/^doc: the document does not fit the editor schema: /);
      expect((error as Error).message).toMatch(message);
      expect(fingerprint(p, path)).toBe(before);
      expect(getChapter(p, c.id)).toMatchObject({ doc: docOf(para('kept')), revision: 2 });
      p.close();
    });
  }

  it('refuses a wrong document for a new chapter too, adding no chapter', () => {
    const p = createProject(join(tmp(), 'a.jsna'), 'T');
    expect(() => addChapter(p, 'Bad', docOf({ type: 'marquee' }))).toThrow(/unknown node type "marquee"/);
    expect(listChapters(p)).toEqual([]);
    p.close();
  });

  it('accepts every document the sample project holds, and saving each again', () => {
    const p = createSampleProject(join(tmp(), 'sample.jsna'));
    const chapters = listChapters(p);
    expect(chapters.length).toBeGreaterThan(1);
    let charts = 0;
    for (const { id } of chapters) {
      const c = getChapter(p, id);
      expect(() => checkChapterDoc(c.doc)).not.toThrow();
      charts += JSON.stringify(c.doc).split('"type":"chart"').length - 1;
      expect(saveChapter(p, id, c.doc, c.revision).revision).toBe(c.revision + 1);
    }
    expect(charts).toBeGreaterThan(0);
    p.close();
  });
});
