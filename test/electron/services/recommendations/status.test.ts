import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/services/rpc/dispatch';
import { Session } from '../../../../electron/services/rpc/session';
import { openProject, type Project } from '../../../../electron/services/project/project';
import { listRegister } from '../../../../electron/services/recommendations/register';
import { setStatus, statusHistory } from '../../../../electron/services/recommendations/status';
import type { AppEvent } from '../../../../shared/api/events';
import { seededProject } from '../../../helpers/seedProject';
import { useTempDir } from '../../../helpers/tmp';

describe('status tracking', () => {
  const tmp = useTempDir();
  let project: Project | null = null;
  const session = new Session();
  afterEach(() => {
    project?.close();
    project = null;
    session.close();
  });

  it('appends every change to the history, carrying RAG, due date and lead forward', () => {
    const s = seededProject(tmp());
    project = s.project;
    const id = listRegister(project, { partner: 'LLRHP' }).rows[0]!.id;
    const a = setStatus(project, { id, status: 'In progress', rag: 'Amber', dueDate: '2026-03-31', lead: 'Dr A. Patel', note: 'Coverage data requested from NHSE.' }, { author: 'Jo' });
    expect(a).toMatchObject({ status: 'In progress', rag: 'Amber', dueDate: '2026-03-31', lead: 'Dr A. Patel', latestNote: 'Coverage data requested from NHSE.', updatedBy: 'Jo', updates: 1 });
    const b = setStatus(project, { id, status: 'In progress', rag: 'Green' }, { author: 'Sam' });
    expect(b).toMatchObject({ rag: 'Green', dueDate: '2026-03-31', lead: 'Dr A. Patel', latestNote: 'Coverage data requested from NHSE.', updatedBy: 'Sam', updates: 2 });
    const c = setStatus(project, { id, status: 'Complete', dueDate: null, lead: null, note: '  Done: coverage above 95%.  ' }, { author: 'Jo' });
    expect(c).toMatchObject({ status: 'Complete', rag: 'Green', dueDate: null, lead: null, latestNote: 'Done: coverage above 95%.', updates: 3 });

    const history = statusHistory(project, id);
    expect(history.map((h) => [h.author, h.status, h.rag, h.dueDate, h.lead, h.note, h.changed])).toEqual([
      ['Jo', 'In progress', 'Amber', '2026-03-31', 'Dr A. Patel', 'Coverage data requested from NHSE.', ['status', 'rag', 'dueDate', 'lead', 'note']],
      ['Sam', 'In progress', 'Green', '2026-03-31', 'Dr A. Patel', null, ['rag']],
      ['Jo', 'Complete', 'Green', null, null, 'Done: coverage above 95%.', ['status', 'dueDate', 'lead', 'note']],
    ]);
    // Times strictly increase with the order.
    expect(history.map((h) => h.at)).toEqual([...history.map((h) => h.at)].sort());
    expect(new Set(history.map((h) => h.at)).size).toBe(3);
  });

  it('never rewrites history: the table refuses UPDATE and DELETE', () => {
    project = seededProject(tmp()).project;
    const id = listRegister(project).rows[0]!.id;
    setStatus(project, { id, status: 'In progress' }, { author: 'Jo' });
    expect(() => project!.db.prepare("UPDATE recommendation_updates SET status = 'Complete'").run()).toThrow(/append-only/);
    expect(() => project!.db.prepare('DELETE FROM recommendation_updates').run()).toThrow(/append-only/);
  });

  it('survives 100 edits, each one row, and reopening', () => {
    const s = seededProject(tmp());
    project = s.project;
    const id = listRegister(project).rows[5]!.id;
    const statuses = ['Not started', 'In progress', 'Not progressing', 'Complete', 'Superseded'] as const;
    for (let i = 0; i < 100; i++) setStatus(project, { id, status: statuses[i % 5]!, note: `update ${i + 1}` }, { author: 'loop' });
    project.close();
    project = openProject(s.path, { readOnly: true });
    const h = statusHistory(project, id);
    expect(h).toHaveLength(100);
    expect(h.map((x) => x.note)).toEqual(Array.from({ length: 100 }, (_, i) => `update ${i + 1}`));
    expect(listRegister(project).rows[5]).toMatchObject({ status: 'Superseded', updates: 100, latestNote: 'update 100' });
  });

  it('names the author from JSNA_USER_NAME', () => {
    project = seededProject(tmp()).project;
    const id = listRegister(project).rows[0]!.id;
    const before = process.env.JSNA_USER_NAME;
    process.env.JSNA_USER_NAME = 'Priya Shah';
    try {
      expect(setStatus(project, { id, status: 'In progress' }).updatedBy).toBe('Priya Shah');
    } finally {
      if (before === undefined) delete process.env.JSNA_USER_NAME;
      else process.env.JSNA_USER_NAME = before;
    }
  });

  it('validates over RPC with field-named errors, and tells the UI the register changed', async () => {
    const s = seededProject(tmp());
    session.setProject(s.project);
    const events: AppEvent[] = [];
    session.onEvent((e) => events.push(e));
    const id = listRegister(s.project).rows[0]!.id;
    await expect(dispatch('register.setStatus', { id, status: 'Done' }, { session })).rejects.toThrow(
      'Invalid input for register.setStatus: status: must be one of Not started, In progress, Complete, Not progressing, Superseded',
    );
    await expect(dispatch('register.setStatus', { id, status: 'Complete', rag: 'Purple' }, { session })).rejects.toThrow(/rag: must be one of Red, Amber, Green/);
    await expect(dispatch('register.setStatus', { id, status: 'Complete', dueDate: '31/03/2026' }, { session })).rejects.toThrow(/dueDate: must be a date written YYYY-MM-DD/);
    await expect(dispatch('register.setStatus', { id, status: 'Complete', dueDate: '2026-02-29' }, { session })).rejects.toThrow(/dueDate: is not a real calendar date/);
    await expect(dispatch('register.setStatus', { id: 'nope', status: 'Complete' }, { session })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/^id: no recommendation with id nope/) });
    expect(events).toEqual([]);
    const row = await dispatch('register.setStatus', { id, status: 'Complete', dueDate: '2028-02-29', note: 'ok' }, { session });
    expect(row).toMatchObject({ status: 'Complete', dueDate: '2028-02-29' });
    expect(events).toEqual([{ type: 'register-changed', chapterIds: [] }]);
    expect(await dispatch('register.history', { id }, { session })).toHaveLength(1);
  });

  it('refuses status changes in a read-only project', () => {
    const s = seededProject(tmp());
    s.project.close();
    project = openProject(s.path, { readOnly: true });
    const id = listRegister(project).rows[0]!.id;
    expect(() => setStatus(project!, { id, status: 'Complete' })).toThrow(/read-only/);
  });
});
