import { afterEach, describe, expect, it } from 'vitest';
import type { DocJson, NodeJson } from '../../../../shared/api/chapters';
import { addChapter, deleteChapter, getChapter, restoreChapter, saveChapter } from '../../../../electron/services/documents/chapters';
import { addPartner, editPartner } from '../../../../electron/services/partners/directory';
import type { Project } from '../../../../electron/services/project/project';
import { filterRows, listRegister, sortRows, foldForSearch } from '../../../../electron/services/recommendations/register';
import { setStatus, statusHistory } from '../../../../electron/services/recommendations/status';
import { seededProject } from '../../../helpers/seedProject';
import { useTempDir } from '../../../helpers/tmp';

const rec = (id: string, text: string, partners: string[]): NodeJson => ({ type: 'recommendation', attrs: { id, partners }, content: [{ type: 'text', text }] });
const heading = (text: string): NodeJson => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });

describe('the recommendations register', () => {
  const tmp = useTempDir();
  let project: Project | null = null;
  afterEach(() => project?.close());

  it('lists seed 000: 22 recommendations, 16 owned by LA, 3 by CCG (under ICB with successors)', () => {
    const s = seededProject(tmp());
    project = s.project;
    const all = listRegister(project);
    expect(all.rows).toHaveLength(22);
    expect(all.total).toBe(22);
    expect(all.inDocument).toBe(22);
    expect(all.needsOwner).toBe(0);
    expect(all.rows.every((r) => r.status === 'Not started' && r.rag === null && r.updatedAt === null && r.inDocument && r.chapter === 'Children and young people')).toBe(true);

    const la = listRegister(project, { partner: 'LA' });
    expect(la.rows).toHaveLength(16);
    expect(la.rows.every((r) => r.partners.includes('LA'))).toBe(true);
    expect(la.partnerCodes).toEqual(['LA']);
    // Any case finds the directory's code.
    expect(listRegister(project, { partner: 'la' }).rows).toHaveLength(16);

    expect(listRegister(project, { partner: 'ICB' }).rows).toHaveLength(0);
    const icb = listRegister(project, { partner: 'ICB', includeSuccessors: true });
    expect(icb.partnerCodes).toEqual(['ICB', 'CCG']);
    expect(icb.rows.map((r) => r.partners)).toEqual([
      ['CCG', 'UHL', 'LA'],
      ['CCG', 'UHL', 'LA'],
      ['CCG', 'LPT'],
    ]);
    expect(icb.rows.map((r) => r.section)).toEqual(['0 to 19 year old children', '0 to 19 year old children', 'Looked-after children']);

    const counts = Object.fromEntries(all.counts.map((c) => [c.code, c.count]));
    expect(counts).toMatchObject({ LA: 16, CCG: 3, ICB: 0, UHL: 3, NHS: 9, YOS: 4, 'other partners': 2, Police: 1 });
    expect(all.counts[0]).toEqual({ code: 'LA', name: 'Local authority (city council)', inDirectory: true, count: 16 });
  });

  it('follows successors transitively, and cuts cycles', () => {
    project = seededProject(tmp()).project;
    // A made-up predecessor of CCG (PCT → CCG → ICB): its items appear under ICB too.
    addPartner(project, { code: 'PCT', name: 'Primary Care Trust', type: 'other', successor: 'CCG' });
    const chapter = addChapter(project, 'Older', { type: 'doc', content: [rec('pct-1', 'Old PCT action.', ['PCT'])] });
    expect(listRegister(project, { partner: 'ICB', includeSuccessors: true }).partnerCodes).toEqual(['ICB', 'CCG', 'PCT']);
    expect(listRegister(project, { partner: 'ICB', includeSuccessors: true }).rows.map((r) => r.id)).toContain('pct-1');
    expect(listRegister(project, { partner: 'CCG', includeSuccessors: true }).rows).toHaveLength(4);
    expect(() => editPartner(project!, { code: 'ICB', successor: 'PCT' })).toThrow(/ICB already comes before PCT|cannot succeed/);
    expect(chapter.title).toBe('Older');
  });

  it('filters by status, chapter, needs-an-owner and search, and sorts', () => {
    const s = seededProject(tmp(), { allRecommendations: true });
    project = s.project;
    const other = addChapter(project, 'Adults', { type: 'doc', content: [heading('Housing'), rec('a-1', 'Build more homes.', ['LA']), rec('a-2', 'Somebody should do this.', [])] });
    const all = listRegister(project);
    expect(all.rows).toHaveLength(34);
    expect(all.needsOwner).toBe(11);
    expect(listRegister(project, { needsOwner: true }).rows).toHaveLength(11);
    expect(listRegister(project, { chapterId: other.id }).rows.map((r) => r.id)).toEqual(['a-1', 'a-2']);
    expect(listRegister(project, { chapterId: other.id, needsOwner: true }).rows.map((r) => r.section)).toEqual(['Housing']);

    setStatus(project, { id: 'a-1', status: 'In progress', rag: 'Red', dueDate: '2026-06-30' }, { author: 't' });
    expect(listRegister(project, { status: 'In progress' }).rows.map((r) => r.id)).toEqual(['a-1']);
    expect(listRegister(project, { status: 'Not started' }).rows).toHaveLength(33);

    // Search ignores case, accents and curly apostrophes, every word must match.
    expect(listRegister(project, { search: "CHILDREN'S survey" }).rows.map((r) => r.text)).toEqual([
      expect.stringContaining('local Children’s Survey'),
    ]);
    expect(listRegister(project, { search: 'fgm training' }).rows).toHaveLength(1);
    expect(listRegister(project, { search: 'housing homes' }).rows.map((r) => r.id)).toEqual(['a-1']);
    expect(foldForSearch('Café’s “quoted”')).toBe('cafe\'s "quoted"');

    const byRag = listRegister(project, { sortBy: 'rag' }).rows;
    expect(byRag[0]!.id).toBe('a-1');
    const byRagDesc = listRegister(project, { sortBy: 'rag', sortDir: 'desc' }).rows;
    expect(byRagDesc[0]!.id).toBe('a-1'); // empty values stay last either way
    const byChapterDesc = listRegister(project, { sortBy: 'chapter', sortDir: 'desc' }).rows;
    expect(byChapterDesc.slice(0, 2).map((r) => r.id)).toEqual(['a-1', 'a-2']); // chapter order reversed, document order within
    const byText = listRegister(project, { sortBy: 'text' }).rows.map((r) => r.text);
    expect(byText).toEqual([...byText].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true })));
    const byPartners = listRegister(project, { sortBy: 'partners' }).rows;
    expect(byPartners.at(-1)!.partners).toEqual([]);
  });

  it('refuses a partner that is neither in the directory nor used, and accepts a code used only in tags', () => {
    project = seededProject(tmp()).project;
    expect(() => listRegister(project!, { partner: 'Scouts' })).toThrow(/"Scouts" is not in the partner directory and no recommendation is tagged with it/);
    addChapter(project, 'Extra', { type: 'doc', content: [rec('s-1', 'Camp.', ['Scouts'])] });
    expect(listRegister(project, { partner: 'scouts' }).rows.map((r) => r.id)).toEqual(['s-1']);
    expect(listRegister(project).counts.at(-1)).toEqual({ code: 'Scouts', name: null, inDirectory: false, count: 1 });
  });

  it('keeps a recommendation removed from the text, with its history, and reconnects it when the text comes back', () => {
    const s = seededProject(tmp());
    project = s.project;
    const chapter = getChapter(project, s.chapterId);
    const target = listRegister(project, { partner: 'YOM' }).rows[0]!;
    setStatus(project, { id: target.id, status: 'In progress', note: 'Reporting system specified.' }, { author: 'Jo' });

    const without: DocJson = { ...chapter.doc, content: chapter.doc.content!.filter((n) => n.attrs?.id !== target.id) };
    const saved = saveChapter(project, s.chapterId, without, chapter.revision);
    const afterRemove = listRegister(project, { includeRemoved: true });
    const removed = afterRemove.rows.find((r) => r.id === target.id)!;
    expect(removed).toMatchObject({ inDocument: false, status: 'In progress', latestNote: 'Reporting system specified.', updates: 1 });
    expect(removed.removedAt).not.toBeNull();
    expect(afterRemove.inDocument).toBe(21);
    expect(afterRemove.total).toBe(22);
    // Not listed by default, nor counted per partner.
    expect(listRegister(project).rows.map((r) => r.id)).not.toContain(target.id);
    expect(listRegister(project).counts.find((c) => c.code === 'YOM')!.count).toBe(2);
    // Still can be given a status (e.g. Superseded), and its history stays.
    setStatus(project, { id: target.id, status: 'Superseded', note: 'Dropped from the refreshed JSNA.' }, { author: 'Jo' });

    // Undo/paste brings back the node with the same id: reconnected, history intact.
    saveChapter(project, s.chapterId, chapter.doc, saved.revision);
    const back = listRegister(project).rows.find((r) => r.id === target.id)!;
    expect(back).toMatchObject({ inDocument: true, removedAt: null, status: 'Superseded', updates: 2 });
    expect(statusHistory(project, target.id).map((h) => h.status)).toEqual(['In progress', 'Superseded']);
  });

  it('marks a deleted chapter\'s recommendations removed, and restores them with the chapter', () => {
    const s = seededProject(tmp());
    project = s.project;
    deleteChapter(project, s.chapterId);
    const r = listRegister(project, { includeRemoved: true });
    expect(r.inDocument).toBe(0);
    expect(r.rows.every((x) => !x.inDocument && x.chapterDeleted && x.chapterPosition === null)).toBe(true);
    restoreChapter(project, s.chapterId);
    expect(listRegister(project).rows).toHaveLength(22);
  });

  it('sorts and filters as pure functions over rows', () => {
    project = seededProject(tmp()).project;
    const rows = listRegister(project).rows;
    expect(sortRows(rows, 'document', 'desc')[0]).toBe(rows.at(-1));
    expect(filterRows(rows, { partnerCodes: ['hwb'] })).toHaveLength(2);
  });
});
