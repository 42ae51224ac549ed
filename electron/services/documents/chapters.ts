import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { Chapter, ChapterSummary, DeletedChapter, DocJson, SaveResult } from '../../../shared/api/chapters';
import type { Project } from '../project/project';
import { markChapterRecommendations, syncRecommendations } from '../recommendations/syncFromDoc';
import { checkChapterDoc } from './checkDoc';

const EMPTY_DOC: DocJson = { type: 'doc', content: [{ type: 'paragraph' }] };

interface ChapterRow {
  id: string;
  title: string;
  position: number;
  doc: string;
  revision: number;
  updated_at: string;
}

function notFound(project: Project, id: string): AppError {
  return new AppError('NOT_FOUND', `No chapter with id ${id} in ${project.path}.`, { field: 'id' });
}

export function listChapters(project: Project): ChapterSummary[] {
  return project.db
    .prepare('SELECT id, title, position FROM chapters WHERE deleted_at IS NULL ORDER BY position, created_at')
    .all() as ChapterSummary[];
}

function summary(project: Project, id: string): ChapterSummary {
  const row = project.db.prepare('SELECT id, title, position FROM chapters WHERE id = ? AND deleted_at IS NULL').get(id) as ChapterSummary | undefined;
  if (!row) throw notFound(project, id);
  return row;
}

/** Renumbers live chapters 1..n in their current order (after a delete, restore or move). */
function renumber(project: Project): void {
  const ids = listChapters(project).map((c) => c.id);
  const set = project.db.prepare('UPDATE chapters SET position = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(i + 1, id));
}

export function addChapter(project: Project, title: string, doc: DocJson = EMPTY_DOC): ChapterSummary {
  project.assertWritable();
  checkChapterDoc(doc);
  const id = randomUUID();
  const now = new Date().toISOString();
  project.db.transaction(() => {
    const { next } = project.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM chapters WHERE deleted_at IS NULL').get() as { next: number };
    project.db
      .prepare('INSERT INTO chapters (id, title, position, doc, revision, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
      .run(id, title, next, JSON.stringify(doc), now, now);
    syncRecommendations(project, id, doc, now);
  })();
  return summary(project, id);
}

export function renameChapter(project: Project, id: string, title: string): ChapterSummary {
  project.assertWritable();
  const res = project.db
    .prepare('UPDATE chapters SET title = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL')
    .run(title, new Date().toISOString(), id);
  if (res.changes === 0) throw notFound(project, id);
  return summary(project, id);
}

/** Moves a chapter to a new 1-based position among the live chapters. */
export function moveChapter(project: Project, id: string, toPosition: number): ChapterSummary[] {
  project.assertWritable();
  return project.db.transaction(() => {
    const ids = listChapters(project).map((c) => c.id);
    const from = ids.indexOf(id);
    if (from < 0) throw notFound(project, id);
    ids.splice(from, 1);
    ids.splice(Math.max(0, Math.min(ids.length, toPosition - 1)), 0, id);
    const set = project.db.prepare('UPDATE chapters SET position = ? WHERE id = ?');
    ids.forEach((cid, i) => set.run(i + 1, cid));
    return listChapters(project);
  })();
}

/** Deletes a chapter so that it can be restored (undo): its text and recommendations' history are kept. */
export function deleteChapter(project: Project, id: string): void {
  project.assertWritable();
  const now = new Date().toISOString();
  project.db.transaction(() => {
    const res = project.db.prepare('UPDATE chapters SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id);
    if (res.changes === 0) throw notFound(project, id);
    markChapterRecommendations(project, id, false, now);
    renumber(project);
  })();
}

/** Deleted chapters (kept in the file until restored), the most recently deleted first. */
export function listDeletedChapters(project: Project): DeletedChapter[] {
  return project.db
    .prepare('SELECT id, title, deleted_at AS deletedAt FROM chapters WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id')
    .all() as DeletedChapter[];
}

export function restoreChapter(project: Project, id: string): ChapterSummary {
  project.assertWritable();
  const now = new Date().toISOString();
  project.db.transaction(() => {
    const row = project.db.prepare('SELECT doc, position FROM chapters WHERE id = ? AND deleted_at IS NOT NULL').get(id) as { doc: string; position: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `No deleted chapter with id ${id} to restore.`, { field: 'id' });
    // Back where it was: shift the chapters at and after its old place.
    project.db.prepare('UPDATE chapters SET position = position + 1 WHERE deleted_at IS NULL AND position >= ?').run(row.position);
    project.db.prepare('UPDATE chapters SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, id);
    syncRecommendations(project, id, JSON.parse(row.doc) as DocJson, now);
    renumber(project);
  })();
  return summary(project, id);
}

export function getChapter(project: Project, id: string): Chapter {
  const row = project.db
    .prepare('SELECT id, title, position, doc, revision, updated_at FROM chapters WHERE id = ? AND deleted_at IS NULL')
    .get(id) as ChapterRow | undefined;
  if (!row) throw notFound(project, id);
  return {
    id: row.id,
    title: row.title,
    position: row.position,
    doc: JSON.parse(row.doc) as DocJson,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

/**
 * Saves a chapter's document if nobody saved it since `baseRevision`; otherwise a CONFLICT error,
 * so a stale window can never overwrite newer text. The register is updated in the same transaction.
 * A document that does not fit the editor schema is refused before anything is written.
 */
export function saveChapter(project: Project, id: string, doc: DocJson, baseRevision: number): SaveResult {
  project.assertWritable();
  checkChapterDoc(doc);
  const now = new Date().toISOString();
  return project.db.transaction((): SaveResult => {
    const row = project.db.prepare('SELECT revision FROM chapters WHERE id = ? AND deleted_at IS NULL').get(id) as { revision: number } | undefined;
    if (!row) throw notFound(project, id);
    if (row.revision !== baseRevision) {
      throw new AppError(
        'CONFLICT',
        `This chapter was saved elsewhere (revision ${row.revision}, this editor has ${baseRevision}). Reload it to see the newer text.`,
        { revision: row.revision },
      );
    }
    const revision = baseRevision + 1;
    project.db.prepare('UPDATE chapters SET doc = ?, revision = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(doc), revision, now, id);
    syncRecommendations(project, id, doc, now);
    return { revision, updatedAt: now };
  }).immediate();
}
