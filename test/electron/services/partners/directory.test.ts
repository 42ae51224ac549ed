import { afterEach, describe, expect, it } from 'vitest';
import type { DocJson, NodeJson } from '../../../../shared/api/chapters';
import { AppError } from '../../../../shared/api/errors';
import type { AppEvent } from '../../../../shared/api/events';
import { addChapter, deleteChapter, getChapter, restoreChapter, saveChapter } from '../../../../electron/services/documents/chapters';
import {
  addPartner,
  deletePartner,
  editPartner,
  listPartners,
  mergePartners,
  partnerUsage,
  renamePartner,
} from '../../../../electron/services/partners/directory';
import { rewriteDocPartners } from '../../../../electron/services/partners/rewriteDoc';
import type { Project } from '../../../../electron/services/project/project';
import { listRegister } from '../../../../electron/services/recommendations/register';
import { syncRecommendations } from '../../../../electron/services/recommendations/syncFromDoc';
import { setStatus, statusHistory } from '../../../../electron/services/recommendations/status';
import { dispatch } from '../../../../electron/services/rpc/dispatch';
import { Session } from '../../../../electron/services/rpc/session';
import { seededProject } from '../../../helpers/seedProject';
import { useTempDir } from '../../../helpers/tmp';

function partnersInDoc(doc: DocJson): string[][] {
  const out: string[][] = [];
  const walk = (nodes: NodeJson[] = []) => nodes.forEach((n) => (n.type === 'recommendation' ? out.push(n.attrs!.partners as string[]) : walk(n.content)));
  walk(doc.content);
  return out;
}

/** What the register would hold if every live chapter were synced again from its document. */
function registerMatchesDocuments(project: Project): void {
  const before = listRegister(project, { includeRemoved: true }).rows.map((r) => [r.id, r.partners]);
  project.db.transaction(() => {
    for (const c of project.db.prepare('SELECT id, doc FROM chapters WHERE deleted_at IS NULL').all() as { id: string; doc: string }[]) {
      syncRecommendations(project, c.id, JSON.parse(c.doc) as DocJson, new Date().toISOString());
    }
  })();
  expect(listRegister(project, { includeRemoved: true }).rows.map((r) => [r.id, r.partners])).toEqual(before);
}

describe('the partner directory', () => {
  const tmp = useTempDir();
  let project: Project | null = null;
  const session = new Session();
  afterEach(() => {
    project?.close();
    project = null;
    session.close();
  });

  it('lists the default directory with counts of recommendations in the document', () => {
    project = seededProject(tmp()).project;
    const list = listPartners(project);
    expect(list.map((p) => p.code)).toEqual(['LA', 'CCG', 'ICB', 'UHL', 'NHSE', 'NHS', 'LPT', 'YOS', 'YOM', 'HWB', 'CTB', 'LLRHP', 'LSCB', 'Police', 'other partners']);
    expect(list.find((p) => p.code === 'LA')).toMatchObject({ recommendations: 16, removedRecommendations: 0, type: 'local-authority', successor: null });
    expect(list.find((p) => p.code === 'CCG')).toMatchObject({ recommendations: 3, successor: 'ICB' });
  });

  it('adds and edits partners; codes are unique ignoring case; successors must exist and not loop', () => {
    project = seededProject(tmp()).project;
    const added = addPartner(project, { code: '  Scouts  ', name: 'Scout Association', type: 'voluntary' });
    expect(added).toMatchObject({ code: 'Scouts', name: 'Scout Association', type: 'voluntary', successor: null, position: 16, recommendations: 0 });
    expect(() => addPartner(project!, { code: 'la', name: 'Dup' })).toThrow('code: "la" is already in the partner directory as "LA" (codes ignore case).');
    expect(() => addPartner(project!, { code: 'X', name: 'X', successor: 'Nobody' })).toThrow(/successor: "Nobody" is not in the partner directory/);
    expect(addPartner(project, { code: 'other  partners 2', name: 'More' }).code).toBe('other partners 2');

    expect(editPartner(project, { code: 'scouts', name: 'The Scout Association', successor: 'other partners' })).toMatchObject({ code: 'Scouts', name: 'The Scout Association', type: 'voluntary', successor: 'other partners' });
    expect(editPartner(project, { code: 'Scouts', successor: null }).successor).toBeNull();
    expect(() => editPartner(project!, { code: 'ICB', successor: 'CCG' })).toThrow(/ICB already comes before CCG|cannot succeed ICB|CCG cannot succeed/);
    expect(() => editPartner(project!, { code: 'LA', successor: 'la' })).toThrow(/a partner cannot succeed itself/);
    expect(() => editPartner(project!, { code: 'Nope', name: 'x' })).toThrow(/"Nope" is not in the partner directory/);
  });

  it('renames a code in every chapter document, bumping revisions so a stale editor gets a CONFLICT', () => {
    const s = seededProject(tmp());
    project = s.project;
    const second = addChapter(project, 'Adults', { type: 'doc', content: [{ type: 'recommendation', attrs: { id: 'a-1', partners: ['ccg', 'LA'] }, content: [{ type: 'text', text: 'x' }] }] });
    const untouched = addChapter(project, 'Untouched', { type: 'doc', content: [{ type: 'recommendation', attrs: { id: 'u-1', partners: ['UHL'] }, content: [{ type: 'text', text: 'y' }] }] });
    const stale = getChapter(project, s.chapterId);
    const id = listRegister(project, { partner: 'CCG' }).rows[0]!.id;
    setStatus(project, { id, status: 'In progress', note: 'before the rename' }, { author: 'Jo' });

    const result = renamePartner(project, 'CCG', 'LLR CCG');
    expect(result.recommendations).toBe(4);
    expect(result.chapterIds.sort()).toEqual([s.chapterId, second.id].sort());
    expect(result.partner).toMatchObject({ code: 'LLR CCG', successor: 'ICB', recommendations: 4, position: 2 });

    const doc = getChapter(project, s.chapterId);
    expect(doc.revision).toBe(stale.revision + 1);
    expect(partnersInDoc(doc.doc).filter((p) => p.includes('LLR CCG'))).toHaveLength(3);
    expect(partnersInDoc(doc.doc).flat()).not.toContain('CCG');
    expect(partnersInDoc(getChapter(project, second.id).doc)).toEqual([['LLR CCG', 'LA']]);
    expect(getChapter(project, untouched.id).revision).toBe(1);
    expect(listRegister(project, { partner: 'LLR CCG' }).rows).toHaveLength(4);
    expect(listRegister(project, { partner: 'ICB', includeSuccessors: true }).rows).toHaveLength(4);
    // History hangs on the recommendation, not the code.
    expect(statusHistory(project, id).map((h) => h.note)).toEqual(['before the rename']);
    registerMatchesDocuments(project);

    // The editor that loaded the chapter before the rename cannot overwrite it.
    let err: unknown;
    try {
      saveChapter(project, s.chapterId, stale.doc, stale.revision);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
  });

  it('rename and merge are all or nothing: a failure on the last chapter leaves every document, the directory and the register as they were', () => {
    const s = seededProject(tmp());
    project = s.project;
    const second = addChapter(project, 'Adults', { type: 'doc', content: [{ type: 'recommendation', attrs: { id: 'a-1', partners: ['CCG', 'LA'] }, content: [{ type: 'text', text: 'x' }] }] });
    const snapshot = () => ({
      chapters: project!.db.prepare('SELECT id, doc, revision, updated_at FROM chapters ORDER BY id').all(),
      partners: project!.db.prepare('SELECT * FROM partners ORDER BY code').all(),
      owners: project!.db.prepare('SELECT * FROM recommendation_partners ORDER BY recommendation_id, position').all(),
    });
    const before = snapshot();
    // The seed chapter is rewritten first; writing the second one then fails, as a full disk would.
    project.db.exec(`CREATE TEMP TRIGGER fail_second BEFORE UPDATE OF doc ON chapters WHEN NEW.id = '${second.id}' BEGIN SELECT RAISE(ABORT, 'injected write failure'); END`);
    expect(() => renamePartner(project!, 'CCG', 'LLR CCG')).toThrow('injected write failure');
    expect(snapshot()).toEqual(before);
    expect(() => mergePartners(project!, 'CCG', 'ICB')).toThrow('injected write failure');
    expect(snapshot()).toEqual(before);
    project.db.exec('DROP TRIGGER fail_second');
    expect(renamePartner(project, 'CCG', 'LLR CCG').chapterIds.sort()).toEqual([s.chapterId, second.id].sort());
  });

  it('renames successor references, allows a change of case, and refuses a code that exists', () => {
    project = seededProject(tmp()).project;
    renamePartner(project, 'ICB', 'LLR ICB');
    expect(listPartners(project).find((p) => p.code === 'CCG')!.successor).toBe('LLR ICB');
    expect(() => renamePartner(project!, 'NHS', 'nhse')).toThrow('newCode: "NHSE" is already in the partner directory (codes ignore case). To fold NHS into it, merge the two instead.');
    const r = renamePartner(project, 'Police', 'POLICE');
    expect(r.partner.code).toBe('POLICE');
    expect(listRegister(project, { partner: 'POLICE' }).rows[0]!.partners).toEqual(['YOS', 'LA', 'POLICE']);
    expect(renamePartner(project, 'POLICE', 'POLICE')).toMatchObject({ recommendations: 0, chapterIds: [] });
    expect(() => renamePartner(project!, 'Nobody', 'X')).toThrow(/"Nobody" is not in the partner directory/);
  });

  it('rewrites removed recommendations and deleted chapters too, so restoring brings back the new code', () => {
    const s = seededProject(tmp());
    project = s.project;
    const chapter = getChapter(project, s.chapterId);
    const target = listRegister(project, { partner: 'LLRHP' }).rows[0]!;
    const without: DocJson = { ...chapter.doc, content: chapter.doc.content!.filter((n) => n.attrs?.id !== target.id) };
    saveChapter(project, s.chapterId, without, chapter.revision);
    const other = addChapter(project, 'Binned', { type: 'doc', content: [{ type: 'recommendation', attrs: { id: 'b-1', partners: ['LLRHP'] }, content: [{ type: 'text', text: 'z' }] }] });
    deleteChapter(project, other.id);

    const r = renamePartner(project, 'LLRHP', 'HPB');
    expect(r.recommendations).toBe(2);
    expect(r.chapterIds).toEqual([other.id]);
    expect(partnerUsage(project, 'HPB').map((u) => [u.id, u.inDocument])).toEqual([
      [target.id, false],
      ['b-1', false],
    ]);
    restoreChapter(project, other.id);
    expect(listRegister(project, { partner: 'HPB' }).rows.map((x) => x.id)).toEqual(['b-1']);
  });

  it('merges one code into another: owners deduplicated, successors moved, the old code gone', () => {
    const s = seededProject(tmp());
    project = s.project;
    addChapter(project, 'Both', { type: 'doc', content: [{ type: 'recommendation', attrs: { id: 'both', partners: ['CCG', 'ICB', 'LA'] }, content: [{ type: 'text', text: 'x' }] }] });
    addPartner(project, { code: 'PCT', name: 'Primary Care Trust', successor: 'CCG' });
    const r = mergePartners(project, 'ccg', 'ICB');
    expect(r.recommendations).toBe(4);
    expect(r.partner).toMatchObject({ code: 'ICB', recommendations: 4 });
    expect(listPartners(project).map((p) => p.code)).not.toContain('CCG');
    expect(listPartners(project).find((p) => p.code === 'PCT')!.successor).toBe('ICB');
    expect(listRegister(project, { partner: 'ICB' }).rows.map((x) => x.partners)).toEqual([
      ['ICB', 'UHL', 'LA'],
      ['ICB', 'UHL', 'LA'],
      ['ICB', 'LPT'],
      ['ICB', 'LA'],
    ]);
    expect(partnersInDoc(getChapter(project, s.chapterId).doc).flat()).not.toContain('CCG');
    registerMatchesDocuments(project);

    expect(() => mergePartners(project!, 'ICB', 'icb')).toThrow(/cannot merge ICB into itself/);
    expect(() => mergePartners(project!, 'LA', 'Nobody')).toThrow(/into: "Nobody" is not in the partner directory/);
    expect(() => mergePartners(project!, 'Ghost', 'LA')).toThrow(/"Ghost" is neither in the partner directory nor used by any recommendation/);
  });

  it('merges a code used in tags but never added to the directory', () => {
    project = seededProject(tmp()).project;
    addChapter(project, 'Extra', { type: 'doc', content: [{ type: 'recommendation', attrs: { id: 's-1', partners: ['Scouts', 'other partners'] }, content: [{ type: 'text', text: 'Camp.' }] }] });
    const r = mergePartners(project, 'scouts', 'other partners');
    expect(r.recommendations).toBe(1);
    expect(listRegister(project, { partner: 'other partners' }).rows.at(-1)!.partners).toEqual(['other partners']);
  });

  it('merging a partner into its own predecessor breaks the loop', () => {
    project = seededProject(tmp()).project;
    mergePartners(project, 'ICB', 'CCG');
    expect(listPartners(project).find((p) => p.code === 'CCG')!.successor).toBeNull();
  });

  it('refuses to delete a code in use, listing the recommendations; deletes one that is not', () => {
    project = seededProject(tmp()).project;
    let err: AppError | null = null;
    try {
      deletePartner(project, 'hwb');
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.code).toBe('CONFLICT');
    expect(err?.message).toMatch(/^HWB cannot be deleted: 2 recommendations use it\. Change their owners, or merge HWB into another partner\./);
    expect(err?.message).toContain('Partners in the city, including the Health and Well-being Board');
    const listed = err?.details?.recommendations as { id: string; text: string; inDocument: boolean }[];
    expect(listed).toHaveLength(2);
    expect(listed.map((r) => r.inDocument)).toEqual([true, true]);
    expect(listPartners(project).map((p) => p.code)).toContain('HWB');

    // ICB is used by nobody (CCG names it as successor: that is set to null).
    deletePartner(project, 'ICB');
    expect(listPartners(project).map((p) => p.code)).not.toContain('ICB');
    expect(listPartners(project).find((p) => p.code === 'CCG')!.successor).toBeNull();
    expect(() => deletePartner(project!, 'ICB')).toThrow(/"ICB" is not in the partner directory/);
  });

  it('refuses to delete a code only removed recommendations use', () => {
    const s = seededProject(tmp());
    project = s.project;
    const chapter = getChapter(project, s.chapterId);
    const target = listRegister(project, { partner: 'LLRHP' }).rows[0]!;
    saveChapter(project, s.chapterId, { ...chapter.doc, content: chapter.doc.content!.filter((n) => n.attrs?.id !== target.id) }, chapter.revision);
    expect(() => deletePartner(project!, 'LLRHP')).toThrow(/1 recommendation uses it[\s\S]*\(removed from document\)/);
  });

  it('is reachable over RPC, validating codes and announcing the change', async () => {
    const s = seededProject(tmp());
    session.setProject(s.project);
    const events: AppEvent[] = [];
    session.onEvent((e) => events.push(e));
    await expect(dispatch('partners.add', { code: 'A/B', name: 'x' }, { session })).rejects.toThrow(/code: a partner code cannot contain/);
    await expect(dispatch('partners.add', { name: 'x' }, { session })).rejects.toThrow(/code: a partner code is required/);
    await expect(dispatch('partners.add', { code: 'X', name: 'x', type: 'church' }, { session })).rejects.toThrow(/type: must be one of local-authority/);
    expect(await dispatch('partners.add', { code: 'Scouts', name: 'Scouts' }, { session })).toMatchObject({ code: 'Scouts', type: 'other' });
    expect(events).toEqual([{ type: 'project-changed' }, { type: 'register-changed', chapterIds: [] }]);
    events.length = 0;
    await dispatch('partners.rename', { code: 'UHL', newCode: 'UHL Trust' }, { session });
    expect(events).toEqual([{ type: 'project-changed' }, { type: 'register-changed', chapterIds: [s.chapterId] }]);
    await expect(dispatch('partners.delete', { code: 'LA' }, { session })).rejects.toMatchObject({ code: 'CONFLICT', details: { recommendations: expect.any(Array) } });
    expect(await dispatch('partners.usage', { code: 'CTB' }, { session })).toHaveLength(2);
  });

  it('rewriteDocPartners changes only recommendation nodes, dedupes, and returns null when nothing changes', () => {
    const doc: DocJson = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { partners: ['CCG'] }, content: [{ type: 'text', text: 'CCG' }] },
        { type: 'recommendation', attrs: { id: '1', partners: ['CCG', 'ICB'] } },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'recommendation', attrs: { id: '2', partners: ['ccg'] } }] }] }] },
      ],
    };
    const copy = JSON.parse(JSON.stringify(doc)) as DocJson;
    const out = rewriteDocPartners(doc, (c) => (c.toLowerCase() === 'ccg' ? 'ICB' : c))!;
    expect(doc).toEqual(copy);
    expect(out.content![0]).toEqual(doc.content![0]);
    expect(partnersInDoc(out)).toEqual([['ICB'], ['ICB']]);
    expect(rewriteDocPartners(doc, (c) => c)).toBeNull();
  });
});
