import type { DocJson } from '../../../shared/api/chapters';
import { recommendationsInDoc } from '../../../shared/editor/recommendationsInDoc';
import type { Project } from '../project/project';

/**
 * Brings the register in line with one chapter's document. Runs inside the chapter save's
 * transaction. Recommendations that left the text are kept, marked removed; ones that come back
 * (undo, paste) are reconnected to their history; a recommendation moved to another chapter
 * follows it.
 */
export function syncRecommendations(project: Project, chapterId: string, doc: DocJson, now: string): void {
  const db = project.db;
  const found = recommendationsInDoc(doc);
  const upsert = db.prepare(`
    INSERT INTO recommendations (id, chapter_id, section, text, position, in_document, removed_at, created_at, updated_at)
    VALUES (@id, @chapterId, @section, @text, @position, 1, NULL, @now, @now)
    ON CONFLICT (id) DO UPDATE SET
      chapter_id = excluded.chapter_id, section = excluded.section, text = excluded.text, position = excluded.position,
      in_document = 1, removed_at = NULL,
      updated_at = CASE WHEN recommendations.text IS NOT excluded.text OR recommendations.section IS NOT excluded.section
        OR recommendations.chapter_id IS NOT excluded.chapter_id OR recommendations.in_document = 0 THEN excluded.updated_at ELSE recommendations.updated_at END`);
  const clearPartners = db.prepare('DELETE FROM recommendation_partners WHERE recommendation_id = ?');
  const addPartner = db.prepare('INSERT OR IGNORE INTO recommendation_partners (recommendation_id, partner_code, position) VALUES (?, ?, ?)');
  for (const r of found) {
    upsert.run({ id: r.id, chapterId, section: r.section, text: r.text, position: r.position, now });
    clearPartners.run(r.id);
    r.partners.forEach((p, i) => addPartner.run(r.id, p, i));
  }
  const present = JSON.stringify(found.map((r) => r.id));
  db.prepare(
    `UPDATE recommendations SET in_document = 0, removed_at = ?, updated_at = ?
     WHERE chapter_id = ? AND in_document = 1 AND id NOT IN (SELECT value FROM json_each(?))`,
  ).run(now, now, chapterId, present);
}

/** When a whole chapter is deleted (or restored), its recommendations follow. */
export function markChapterRecommendations(project: Project, chapterId: string, inDocument: boolean, now: string): void {
  project.db
    .prepare('UPDATE recommendations SET in_document = ?, removed_at = ?, updated_at = ? WHERE chapter_id = ?')
    .run(inDocument ? 1 : 0, inDocument ? null : now, now, chapterId);
}
