import { AppError } from '../../../shared/api/errors';
import type { RegisterRow, StatusUpdate } from '../../../shared/api/register';
import type { Rag, RecommendationStatus } from '../../../shared/recommendations/status';
import type { Project } from '../project/project';
import { currentAuthor } from './author';
import { registerRow } from './register';

/**
 * Status tracking. Every change appends one row to recommendation_updates, which triggers keep
 * append-only; each row holds the whole state after the change (status, RAG, due date, lead) plus
 * that update's note, so the latest row is the current status and the history reads on its own.
 * One INSERT per transaction: a crash leaves either the whole row or none of it.
 */

export interface StatusChange {
  id: string;
  status: RecommendationStatus;
  /** undefined keeps the current value; null clears it. */
  rag?: Rag | null | undefined;
  dueDate?: string | null | undefined;
  lead?: string | null | undefined;
  note?: string | undefined;
}

/** A history row as stored; `changed` is worked out when the history is read. */
type UpdateRow = Omit<StatusUpdate, 'changed'>;

const UPDATE_COLUMNS = `seq, recommendation_id AS recommendationId, at, author, status, rag, due_date AS dueDate, lead_contact AS lead, note`;

function requireRecommendation(project: Project, id: string): void {
  if (!project.db.prepare('SELECT 1 FROM recommendations WHERE id = ?').get(id)) {
    throw new AppError('NOT_FOUND', `id: no recommendation with id ${id} in ${project.path}.`, { field: 'id' });
  }
}

/** ISO time, strictly after the previous update's, so the history's order and its times agree. */
function nextTime(previous: string | undefined): string {
  const now = new Date();
  if (previous && now.toISOString() <= previous) return new Date(Date.parse(previous) + 1).toISOString();
  return now.toISOString();
}

export function setStatus(project: Project, change: StatusChange, opts: { author?: string } = {}): RegisterRow {
  project.assertWritable();
  const author = opts.author ?? currentAuthor();
  project.db
    .transaction(() => {
      requireRecommendation(project, change.id);
      const prev = project.db
        .prepare(`SELECT ${UPDATE_COLUMNS} FROM recommendation_updates WHERE recommendation_id = ? ORDER BY seq DESC LIMIT 1`)
        .get(change.id) as UpdateRow | undefined;
      const keep = <T>(next: T | null | undefined, before: T | null | undefined): T | null => (next === undefined ? (before ?? null) : next);
      const lead = keep(change.lead, prev?.lead);
      project.db
        .prepare(
          `INSERT INTO recommendation_updates (recommendation_id, at, author, status, rag, due_date, lead_contact, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          change.id,
          nextTime(prev?.at),
          author,
          change.status,
          keep(change.rag, prev?.rag),
          keep(change.dueDate, prev?.dueDate),
          lead === '' ? null : lead,
          change.note?.trim() ? change.note.trim() : null,
        );
    })
    .immediate();
  return registerRow(project, change.id);
}

/** One recommendation's status history, oldest first, each update saying what it changed. */
export function statusHistory(project: Project, id: string): StatusUpdate[] {
  requireRecommendation(project, id);
  const rows = project.db.prepare(`SELECT ${UPDATE_COLUMNS} FROM recommendation_updates WHERE recommendation_id = ? ORDER BY seq`).all(id) as UpdateRow[];
  return rows.map((row, i) => {
    const before = rows[i - 1];
    const changed: StatusUpdate['changed'] = [];
    if (!before || before.status !== row.status) changed.push('status');
    if ((before?.rag ?? null) !== row.rag) changed.push('rag');
    if ((before?.dueDate ?? null) !== row.dueDate) changed.push('dueDate');
    if ((before?.lead ?? null) !== row.lead) changed.push('lead');
    if (row.note) changed.push('note');
    return { ...row, changed };
  });
}
