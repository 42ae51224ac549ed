import type { DocJson } from '../../../shared/api/chapters';
import type { Project } from '../project/project';
import { syncRecommendations } from '../recommendations/syncFromDoc';

/**
 * Chapter reads and writes that other services need (export, outline, partner directory), so
 * that the `chapters` table is queried from documents/ only.
 */

/** A live chapter as stored: its document still as JSON text. */
export interface StoredChapter {
  id: string;
  title: string;
  position: number;
  doc: string;
}

/** Live (not deleted) chapters in document order. */
export function liveChapters(project: Project): StoredChapter[] {
  return project.db
    .prepare('SELECT id, title, position, doc FROM chapters WHERE deleted_at IS NULL ORDER BY position, created_at')
    .all() as StoredChapter[];
}

/**
 * Rewrites every chapter's document, live or deleted (so a restored chapter comes back right).
 * `rewrite` returns the new document, or null when it leaves one unchanged. A changed chapter gets a
 * new revision, so an editor holding the old text gets a CONFLICT rather than overwriting; live ones
 * re-sync their recommendations. Runs inside the caller's transaction (all or nothing with it).
 * Returns the ids of the chapters that changed, in order.
 */
export function rewriteEveryChapter(project: Project, rewrite: (doc: DocJson) => DocJson | null, now: string): string[] {
  const db = project.db;
  if (!db.inTransaction) throw new Error('rewriteEveryChapter must run inside a transaction');
  const chapters = db.prepare('SELECT id, doc, deleted_at FROM chapters ORDER BY position').all() as { id: string; doc: string; deleted_at: string | null }[];
  const saveDoc = db.prepare('UPDATE chapters SET doc = ?, revision = revision + 1, updated_at = ? WHERE id = ?');
  const changed: string[] = [];
  for (const c of chapters) {
    const next = rewrite(JSON.parse(c.doc) as DocJson);
    if (!next) continue;
    saveDoc.run(JSON.stringify(next), now, c.id);
    if (c.deleted_at === null) syncRecommendations(project, c.id, next, now);
    changed.push(c.id);
  }
  return changed;
}

/** Where a chapter is, for lists of recommendations in document order. */
export interface ChapterPlace {
  title: string;
  position: number;
  deleted: boolean;
}

/** Every chapter, live or deleted, by id. */
export function chapterPlaces(project: Project): Map<string, ChapterPlace> {
  const rows = project.db.prepare('SELECT id, title, position, deleted_at FROM chapters ORDER BY position, created_at').all() as {
    id: string;
    title: string;
    position: number;
    deleted_at: string | null;
  }[];
  return new Map(rows.map((r) => [r.id, { title: r.title, position: r.position, deleted: r.deleted_at !== null }]));
}
