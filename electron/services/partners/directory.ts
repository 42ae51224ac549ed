import { AppError } from '../../../shared/api/errors';
import type { PartnerChangeResult, PartnerSummary, RecommendationRef } from '../../../shared/api/partners';
import type { PartnerType } from '../../../shared/partners/defaultPartners';
import { type SuccessorLink, wouldCycle } from '../../../shared/partners/successors';
import { chapterPlaces, rewriteEveryChapter } from '../documents/chapterStore';
import type { Project } from '../project/project';
import { type CodeMap, remapPartners, rewriteDocPartners } from './rewriteDoc';

/**
 * The project's partner directory: who can own a recommendation. Codes are unique ignoring case
 * (the table's primary key is COLLATE NOCASE). Renaming or merging a code rewrites the `partners`
 * attribute of every recommendation in every chapter's document (the document is the source of
 * truth; the register tables follow it), all in one transaction.
 */

/** Trim and collapse inner whitespace, as tags are tidied on import ("other  partners" → "other partners"). */
export function tidyCode(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

const sameCode = (a: string, b: string) => tidyCode(a).toLowerCase() === tidyCode(b).toLowerCase();

const SUMMARY_SQL = `
  SELECT p.code, p.name, p.type, p.successor, p.position,
    (SELECT COUNT(*) FROM recommendation_partners rp JOIN recommendations r ON r.id = rp.recommendation_id
      WHERE rp.partner_code = p.code AND r.in_document = 1) AS recommendations,
    (SELECT COUNT(*) FROM recommendation_partners rp JOIN recommendations r ON r.id = rp.recommendation_id
      WHERE rp.partner_code = p.code AND r.in_document = 0) AS removedRecommendations
  FROM partners p`;

export function listPartners(project: Project): PartnerSummary[] {
  return project.db.prepare(`${SUMMARY_SQL} ORDER BY p.position, p.code`).all() as PartnerSummary[];
}

/** The directory entry for a code (any case), or undefined. */
export function findPartner(project: Project, code: string): PartnerSummary | undefined {
  return project.db.prepare(`${SUMMARY_SQL} WHERE p.code = ?`).get(tidyCode(code)) as PartnerSummary | undefined;
}

function requirePartner(project: Project, code: string, field = 'code'): PartnerSummary {
  const found = findPartner(project, code);
  if (!found) throw new AppError('NOT_FOUND', `${field}: "${tidyCode(code)}" is not in the partner directory.`, { field, code });
  return found;
}

export function successorLinks(project: Project): SuccessorLink[] {
  return project.db.prepare('SELECT code, successor FROM partners ORDER BY position, code').all() as SuccessorLink[];
}

function checkSuccessor(project: Project, code: string, successor: string): string {
  const target = requirePartner(project, successor, 'successor');
  if (wouldCycle(code, target.code, successorLinks(project))) {
    throw new AppError('BAD_INPUT', `successor: ${target.code} cannot succeed ${code}: ${sameCode(code, target.code) ? 'a partner cannot succeed itself' : `${code} already comes before ${target.code} in its chain of successors`}.`, { field: 'successor' });
  }
  return target.code;
}

export interface NewPartner {
  code: string;
  name: string;
  type?: PartnerType | undefined;
  successor?: string | null | undefined;
}

export function addPartner(project: Project, input: NewPartner): PartnerSummary {
  project.assertWritable();
  const code = tidyCode(input.code);
  return project.db
    .transaction(() => {
      const clash = findPartner(project, code);
      if (clash) throw new AppError('BAD_INPUT', `code: "${code}" is already in the partner directory${clash.code === code ? '' : ` as "${clash.code}"`} (codes ignore case).`, { field: 'code' });
      const successor = input.successor ? checkSuccessor(project, code, input.successor) : null;
      const { next } = project.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM partners').get() as { next: number };
      project.db
        .prepare('INSERT INTO partners (code, name, type, successor, position) VALUES (?, ?, ?, ?, ?)')
        .run(code, input.name.trim(), input.type ?? 'other', successor, next);
      return requirePartner(project, code);
    })
    .immediate();
}

export interface PartnerEdit {
  code: string;
  name?: string | undefined;
  type?: PartnerType | undefined;
  /** null clears it; undefined leaves it. */
  successor?: string | null | undefined;
}

export function editPartner(project: Project, input: PartnerEdit): PartnerSummary {
  project.assertWritable();
  return project.db
    .transaction(() => {
      const current = requirePartner(project, input.code);
      const successor =
        input.successor === undefined ? current.successor : input.successor === null ? null : checkSuccessor(project, current.code, input.successor);
      project.db
        .prepare('UPDATE partners SET name = ?, type = ?, successor = ? WHERE code = ?')
        .run(input.name?.trim() ?? current.name, input.type ?? current.type, successor, current.code);
      return requirePartner(project, current.code);
    })
    .immediate();
}

/** Recommendations tagged with a code (any case), in document order, removed ones last (then those of deleted chapters). */
export function partnerUsage(project: Project, code: string): RecommendationRef[] {
  const rows = project.db
    .prepare(
      `SELECT r.id, r.chapter_id AS chapterId, r.section, r.text, r.in_document AS inDocument, r.position
       FROM recommendation_partners rp
       JOIN recommendations r ON r.id = rp.recommendation_id
       WHERE rp.partner_code = ?`,
    )
    .all(tidyCode(code)) as (Omit<RecommendationRef, 'inDocument' | 'chapter'> & { inDocument: number; position: number })[];
  const places = chapterPlaces(project);
  return rows
    .flatMap((r) => {
      const place = places.get(r.chapterId);
      return place ? [{ r, place }] : [];
    })
    .sort((a, b) => b.r.inDocument - a.r.inDocument || Number(a.place.deleted) - Number(b.place.deleted) || a.place.position - b.place.position || a.r.position - b.r.position)
    .map(({ r, place }) => ({ id: r.id, chapterId: r.chapterId, chapter: place.title, section: r.section, text: r.text, inDocument: r.inDocument === 1 }));
}

/**
 * Rewrites owner codes everywhere: every chapter's document (see rewriteEveryChapter: live or
 * deleted, a new revision if it changed); the register's owner rows follow, removed
 * recommendations included. Runs inside the caller's transaction.
 */
function rewriteOwners(project: Project, affected: string, map: CodeMap, now: string): { recommendations: number; chapterIds: string[] } {
  const db = project.db;
  const recIds = (db.prepare('SELECT DISTINCT recommendation_id AS id FROM recommendation_partners WHERE partner_code = ?').all(tidyCode(affected)) as { id: string }[]).map((r) => r.id);

  const chapterIds = rewriteEveryChapter(project, (doc) => rewriteDocPartners(doc, map), now);

  // Removed recommendations (and those of deleted chapters) are not re-synced from a document: rewrite their rows.
  const ownersOf = db.prepare('SELECT partner_code AS code FROM recommendation_partners WHERE recommendation_id = ? ORDER BY position');
  const clear = db.prepare('DELETE FROM recommendation_partners WHERE recommendation_id = ?');
  const add = db.prepare('INSERT INTO recommendation_partners (recommendation_id, partner_code, position) VALUES (?, ?, ?)');
  for (const id of recIds) {
    const before = (ownersOf.all(id) as { code: string }[]).map((r) => r.code);
    const after = remapPartners(before, map);
    if (before.length === after.length && before.every((c, i) => c === after[i])) continue;
    clear.run(id);
    after.forEach((code, i) => add.run(id, code, i));
  }
  return { recommendations: recIds.length, chapterIds };
}

/** Renames a code everywhere. A new code that differs only in case is allowed (it is the same code). */
export function renamePartner(project: Project, code: string, newCodeRaw: string): PartnerChangeResult {
  project.assertWritable();
  const newCode = tidyCode(newCodeRaw);
  const now = new Date().toISOString();
  return project.db
    .transaction((): PartnerChangeResult => {
      const current = requirePartner(project, code);
      if (!sameCode(current.code, newCode)) {
        const clash = findPartner(project, newCode);
        if (clash) {
          throw new AppError('BAD_INPUT', `newCode: "${clash.code}" is already in the partner directory (codes ignore case). To fold ${current.code} into it, merge the two instead.`, { field: 'newCode' });
        }
      }
      if (current.code === newCode) return { partner: current, recommendations: 0, chapterIds: [] };
      // successor references follow by ON UPDATE CASCADE.
      project.db.prepare('UPDATE partners SET code = ? WHERE code = ?').run(newCode, current.code);
      const changed = rewriteOwners(project, current.code, (c) => (sameCode(c, current.code) ? newCode : c), now);
      return { partner: requirePartner(project, newCode), ...changed };
    })
    .immediate();
}

/**
 * Every recommendation owned by `from` becomes owned by `into` (a recommendation owned by both keeps
 * one), partners succeeded by `from` are now succeeded by `into`, and `from` leaves the directory.
 * `from` may be a code used in tags but never added to the directory.
 */
export function mergePartners(project: Project, from: string, into: string): PartnerChangeResult {
  project.assertWritable();
  const now = new Date().toISOString();
  return project.db
    .transaction((): PartnerChangeResult => {
      const target = requirePartner(project, into, 'into');
      if (sameCode(from, target.code)) throw new AppError('BAD_INPUT', `from: cannot merge ${target.code} into itself.`, { field: 'from' });
      const source = findPartner(project, from);
      const fromCode = source?.code ?? tidyCode(from);
      if (!source && partnerUsage(project, fromCode).length === 0) {
        throw new AppError('NOT_FOUND', `from: "${fromCode}" is neither in the partner directory nor used by any recommendation.`, { field: 'from' });
      }
      const changed = rewriteOwners(project, fromCode, (c) => (sameCode(c, fromCode) ? target.code : c), now);
      if (source) {
        project.db.prepare('UPDATE partners SET successor = NULL WHERE code = ? AND successor = ?').run(target.code, source.code);
        project.db.prepare('UPDATE partners SET successor = ? WHERE successor = ? AND code <> ?').run(target.code, source.code, target.code);
        project.db.prepare('DELETE FROM partners WHERE code = ?').run(source.code);
      }
      return { partner: requirePartner(project, target.code), ...changed };
    })
    .immediate();
}

/** Deletes a code no recommendation uses; otherwise a CONFLICT naming every recommendation that does. */
export function deletePartner(project: Project, code: string): void {
  project.assertWritable();
  project.db
    .transaction(() => {
      const current = requirePartner(project, code);
      const usage = partnerUsage(project, current.code);
      if (usage.length > 0) {
        const shown = usage.slice(0, 10).map((r) => `\n  - ${r.chapter}${r.section ? ` › ${r.section}` : ''}: ${clip(r.text)}${r.inDocument ? '' : ' (removed from document)'}`);
        const more = usage.length > 10 ? `\n  … and ${usage.length - 10} more` : '';
        throw new AppError(
          'CONFLICT',
          `${current.code} cannot be deleted: ${usage.length} recommendation${usage.length === 1 ? ' uses' : 's use'} it. Change their owners, or merge ${current.code} into another partner.${shown.join('')}${more}`,
          { field: 'code', recommendations: usage },
        );
      }
      project.db.prepare('DELETE FROM partners WHERE code = ?').run(current.code);
    })
    .immediate();
}

function clip(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

