import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocJson } from '../../../../shared/api/chapters';
import { addChapter, getChapter, listChapters, renameChapter, saveChapter } from '../../../../electron/services/documents/chapters';
import { createProject, openProject } from '../../../../electron/services/project/project';
import { useTempDir } from '../../../helpers/tmp';

const doc = (text: string): DocJson => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }, { type: 'text', text: ' bold', marks: [{ type: 'bold' }] }] }],
});

describe('chapters', () => {
  const tmp = useTempDir();

  it('adds, renames, saves and reads back exactly after reopening', () => {
    const path = join(tmp(), 'c.jsna');
    const p = createProject(path, 'T');
    const a = addChapter(p, 'Mental health');
    const b = addChapter(p, 'Looked-after children');
    expect([a.position, b.position]).toEqual([1, 2]);
    renameChapter(p, a.id, 'Emotional wellbeing and mental health');
    const saved = saveChapter(p, b.id, doc('Numbers of looked-after children rose — “sharply” in 2016/17.'), 1);
    expect(saved.revision).toBe(2);
    p.close();

    const again = openProject(path);
    expect(listChapters(again)).toEqual([
      { id: a.id, title: 'Emotional wellbeing and mental health', position: 1 },
      { id: b.id, title: 'Looked-after children', position: 2 },
    ]);
    expect(getChapter(again, b.id)).toMatchObject({ doc: doc('Numbers of looked-after children rose — “sharply” in 2016/17.'), revision: 2 });
    again.close();
  });

  it('refuses a save based on an old revision, keeping the newer text', () => {
    const p = createProject(join(tmp(), 'r.jsna'), 'T');
    const c = addChapter(p, 'One');
    saveChapter(p, c.id, doc('newer'), 1);
    expect(() => saveChapter(p, c.id, doc('stale'), 1)).toThrow(/saved elsewhere \(revision 2, this editor has 1\)/);
    expect(getChapter(p, c.id).doc).toEqual(doc('newer'));
    p.close();
  });

  it('names the missing chapter', () => {
    const p = createProject(join(tmp(), 'm.jsna'), 'T');
    expect(() => renameChapter(p, '00000000-0000-4000-8000-000000000000', 'x')).toThrow(/No chapter with id 00000000-0000-4000-8000-000000000000/);
    p.close();
  });
});
