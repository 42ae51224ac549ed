import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocJson } from '../../../../shared/api/chapters';
import { addChapter, deleteChapter, getChapter } from '../../../../electron/services/documents/chapters';
import { chapterPlaces, liveChapters, rewriteEveryChapter } from '../../../../electron/services/documents/chapterStore';
import { createProject } from '../../../../electron/services/project/project';
import { useTempDir } from '../../../helpers/tmp';

const doc = (text: string): DocJson => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const textOf = (d: string | DocJson) => JSON.stringify(typeof d === 'string' ? JSON.parse(d) : d);

describe('chapterStore: the chapter reads and writes other services use', () => {
  const tmp = useTempDir();

  it('lists live chapters in order with their stored documents; places include deleted ones', () => {
    const p = createProject(join(tmp(), 'l.jsna'), 'T');
    const a = addChapter(p, 'A', doc('a'));
    const b = addChapter(p, 'B', doc('b'));
    const c = addChapter(p, 'C', doc('c'));
    deleteChapter(p, b.id);
    expect(liveChapters(p).map((r) => [r.id, r.title, r.position, textOf(r.doc)])).toEqual([
      [a.id, 'A', 1, textOf(doc('a'))],
      [c.id, 'C', 2, textOf(doc('c'))],
    ]);
    expect(chapterPlaces(p).get(b.id)).toEqual({ title: 'B', position: 2, deleted: true });
    p.close();
  });

  it('rewrites live and deleted chapters with a new revision, only those that changed', () => {
    const p = createProject(join(tmp(), 'r.jsna'), 'T');
    const a = addChapter(p, 'A', doc('old'));
    const b = addChapter(p, 'B', doc('keep'));
    const c = addChapter(p, 'C', doc('old'));
    deleteChapter(p, c.id);
    const changed = p.db.transaction(() => rewriteEveryChapter(p, (d) => (textOf(d).includes('old') ? doc('new') : null), 'now'))();
    expect(changed).toEqual([a.id, c.id]);
    expect(getChapter(p, a.id)).toMatchObject({ doc: doc('new'), revision: 2 });
    expect(getChapter(p, b.id)).toMatchObject({ doc: doc('keep'), revision: 1 });
    p.close();
  });

  it('runs only inside a transaction, and a failure part-way leaves every chapter as it was', () => {
    const p = createProject(join(tmp(), 't.jsna'), 'T');
    const a = addChapter(p, 'A', doc('one'));
    const b = addChapter(p, 'B', doc('two'));
    expect(() => rewriteEveryChapter(p, () => doc('x'), 'now')).toThrow(/inside a transaction/);
    let calls = 0;
    const failing = p.db.transaction(() =>
      rewriteEveryChapter(
        p,
        () => {
          calls += 1;
          if (calls === 2) throw new Error('boom');
          return doc('x');
        },
        'now',
      ),
    );
    expect(failing).toThrow(/boom/);
    expect(getChapter(p, a.id)).toMatchObject({ doc: doc('one'), revision: 1 });
    expect(getChapter(p, b.id)).toMatchObject({ doc: doc('two'), revision: 1 });
    p.close();
  });
});
