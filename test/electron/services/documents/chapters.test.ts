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

describe('chapter order, delete and restore', () => {
  const tmp = useTempDir();
  const rec = (id: string, text: string, partners: string[]) => ({ type: 'recommendation', attrs: { id, partners }, content: [{ type: 'text', text }] });

  it('moves chapters and keeps positions 1..n', async () => {
    const { moveChapter } = await import('../../../../electron/services/documents/chapters');
    const p = createProject(join(tmp(), 'o.jsna'), 'T');
    const [a, b, c] = ['A', 'B', 'C'].map((t) => addChapter(p, t));
    expect(moveChapter(p, c!.id, 1).map((x) => x.title)).toEqual(['C', 'A', 'B']);
    expect(moveChapter(p, c!.id, 99).map((x) => `${x.position}${x.title}`)).toEqual(['1A', '2B', '3C']);
    expect(() => moveChapter(p, '00000000-0000-4000-8000-000000000001', 1)).toThrow(/No chapter/);
    void a;
    void b;
    p.close();
  });

  it('deletes a chapter with its recommendations marked removed, and restores both in place', async () => {
    const { deleteChapter, restoreChapter } = await import('../../../../electron/services/documents/chapters');
    const p = createProject(join(tmp(), 'd.jsna'), 'T');
    addChapter(p, 'First');
    const mid = addChapter(p, 'Middle', { type: 'doc', content: [rec('11111111-1111-4111-8111-111111111111', 'Do it.', ['LA'])] as never });
    addChapter(p, 'Last');
    const inDoc = () => p.db.prepare('SELECT in_document FROM recommendations WHERE id = ?').pluck().get('11111111-1111-4111-8111-111111111111');
    expect(inDoc()).toBe(1);
    deleteChapter(p, mid.id);
    expect(listChapters(p).map((c) => `${c.position}${c.title}`)).toEqual(['1First', '2Last']);
    expect(inDoc()).toBe(0);
    expect(() => getChapter(p, mid.id)).toThrow(/No chapter/);
    restoreChapter(p, mid.id);
    expect(listChapters(p).map((c) => `${c.position}${c.title}`)).toEqual(['1First', '2Middle', '3Last']);
    expect(inDoc()).toBe(1);
    p.close();
  });

  it('keeps a recommendation deleted from the text in the register, and reconnects it when restored', () => {
    const p = createProject(join(tmp(), 'k.jsna'), 'T');
    const id = '22222222-2222-4222-8222-222222222222';
    const c = addChapter(p, 'Recs', { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mental health' }] }, rec(id, 'Fund CAMHS.', ['CCG', 'LA'])] as never });
    const row = () => p.db.prepare('SELECT section, text, in_document FROM recommendations WHERE id = ?').get(id);
    const partners = () => p.db.prepare('SELECT partner_code FROM recommendation_partners WHERE recommendation_id = ? ORDER BY position').pluck().all(id);
    expect(row()).toEqual({ section: 'Mental health', text: 'Fund CAMHS.', in_document: 1 });
    expect(partners()).toEqual(['CCG', 'LA']);
    saveChapter(p, c.id, { type: 'doc', content: [{ type: 'paragraph' }] }, 1);
    expect(row()).toMatchObject({ in_document: 0 });
    saveChapter(p, c.id, { type: 'doc', content: [rec(id, 'Fund CAMHS now.', ['ICB'])] as never }, 2);
    expect(row()).toEqual({ section: null, text: 'Fund CAMHS now.', in_document: 1 });
    expect(partners()).toEqual(['ICB']);
    p.close();
  });
});
