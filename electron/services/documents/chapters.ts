import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { Chapter, ChapterSummary, DocJson, SaveResult } from '../../../shared/api/chapters';
import type { Project } from '../project/project';

const EMPTY_DOC: DocJson = { type: 'doc', content: [{ type: 'paragraph' }] };

interface ChapterRow {
  id: string;
  title: string;
  position: number;
  doc: string;
  revision: number;
  updated_at: string;
}

export function listChapters(project: Project): ChapterSummary[] {
  return project.db.prepare('SELECT id, title, position FROM chapters ORDER BY position, created_at').all() as ChapterSummary[];
}

function summary(project: Project, id: string): ChapterSummary {
  const row = project.db.prepare('SELECT id, title, position FROM chapters WHERE id = ?').get(id) as ChapterSummary | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No chapter with id ${id} in ${project.path}.`, { field: 'id' });
  return row;
}

export function addChapter(project: Project, title: string, doc: DocJson = EMPTY_DOC): ChapterSummary {
  project.assertWritable();
  const id = randomUUID();
  const now = new Date().toISOString();
  project.db.transaction(() => {
    const { next } = project.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM chapters').get() as { next: number };
    project.db
      .prepare('INSERT INTO chapters (id, title, position, doc, revision, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
      .run(id, title, next, JSON.stringify(doc), now, now);
  })();
  return summary(project, id);
}

export function renameChapter(project: Project, id: string, title: string): ChapterSummary {
  project.assertWritable();
  const res = project.db.prepare('UPDATE chapters SET title = ?, updated_at = ? WHERE id = ?').run(title, new Date().toISOString(), id);
  if (res.changes === 0) throw new AppError('NOT_FOUND', `No chapter with id ${id} in ${project.path}.`, { field: 'id' });
  return summary(project, id);
}

export function getChapter(project: Project, id: string): Chapter {
  const row = project.db
    .prepare('SELECT id, title, position, doc, revision, updated_at FROM chapters WHERE id = ?')
    .get(id) as ChapterRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No chapter with id ${id} in ${project.path}.`, { field: 'id' });
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
 * so a stale window can never overwrite newer text.
 */
export function saveChapter(project: Project, id: string, doc: DocJson, baseRevision: number): SaveResult {
  project.assertWritable();
  const now = new Date().toISOString();
  return project.db.transaction((): SaveResult => {
    const row = project.db.prepare('SELECT revision FROM chapters WHERE id = ?').get(id) as { revision: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `No chapter with id ${id} in ${project.path}.`, { field: 'id' });
    if (row.revision !== baseRevision) {
      throw new AppError(
        'CONFLICT',
        `This chapter was saved elsewhere (revision ${row.revision}, this editor has ${baseRevision}). Reload it to see the newer text.`,
        { revision: row.revision },
      );
    }
    const revision = baseRevision + 1;
    project.db.prepare('UPDATE chapters SET doc = ?, revision = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(doc), revision, now, id);
    return { revision, updatedAt: now };
  }).immediate();
}
