import { AppError } from '../../../shared/api/errors';
import type { PartnerCount, RegisterQuery, RegisterResult, RegisterRow, RegisterSortKey } from '../../../shared/api/register';
import { codesSucceededBy } from '../../../shared/partners/successors';
import { DEFAULT_STATUS, RAGS, type Rag, type RecommendationStatus, STATUSES } from '../../../shared/recommendations/status';
import { findPartner, successorLinks } from '../partners/directory';
import type { Project } from '../project/project';

/**
 * The register: every recommendation across chapters with its owners and latest status. The rows
 * come from the tables syncFromDoc keeps in step with the documents, and the append-only status
 * history (the latest update per recommendation is its current status).
 */

interface RawRow {
  id: string;
  chapterId: string;
  chapter: string;
  chapterPosition: number;
  chapterDeletedAt: string | null;
  section: string | null;
  text: string;
  position: number;
  inDocument: number;
  removedAt: string | null;
  partners: string;
  status: RecommendationStatus | null;
  rag: Rag | null;
  dueDate: string | null;
  lead: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  latestNote: string | null;
  latestNoteAt: string | null;
  updates: number;
}

const ROWS_SQL = `
  SELECT r.id, r.chapter_id AS chapterId, c.title AS chapter, c.position AS chapterPosition, c.deleted_at AS chapterDeletedAt,
    r.section, r.text, r.position, r.in_document AS inDocument, r.removed_at AS removedAt,
    (SELECT json_group_array(code) FROM (SELECT partner_code AS code FROM recommendation_partners
       WHERE recommendation_id = r.id ORDER BY position)) AS partners,
    u.status, u.rag, u.due_date AS dueDate, u.lead_contact AS lead, u.at AS updatedAt, u.author AS updatedBy,
    n.note AS latestNote, n.at AS latestNoteAt,
    (SELECT COUNT(*) FROM recommendation_updates WHERE recommendation_id = r.id) AS updates
  FROM recommendations r
  JOIN chapters c ON c.id = r.chapter_id
  LEFT JOIN recommendation_updates u ON u.seq = (SELECT MAX(seq) FROM recommendation_updates WHERE recommendation_id = r.id)
  LEFT JOIN recommendation_updates n ON n.seq = (SELECT MAX(seq) FROM recommendation_updates
    WHERE recommendation_id = r.id AND note IS NOT NULL AND note <> '')`;

const ORDER_SQL = 'ORDER BY c.deleted_at IS NOT NULL, c.position, c.created_at, r.in_document DESC, r.position';

function toRow(raw: RawRow): RegisterRow {
  const chapterDeleted = raw.chapterDeletedAt !== null;
  return {
    id: raw.id,
    chapterId: raw.chapterId,
    chapter: raw.chapter,
    chapterPosition: chapterDeleted ? null : raw.chapterPosition,
    section: raw.section,
    text: raw.text,
    partners: JSON.parse(raw.partners) as string[],
    position: raw.position,
    inDocument: raw.inDocument === 1,
    removedAt: raw.removedAt,
    chapterDeleted,
    status: raw.status ?? DEFAULT_STATUS,
    rag: raw.rag,
    dueDate: raw.dueDate,
    lead: raw.lead,
    latestNote: raw.latestNote,
    latestNoteAt: raw.latestNoteAt,
    updatedAt: raw.updatedAt,
    updatedBy: raw.updatedBy,
    updates: raw.updates,
  };
}

/** Every recommendation the project holds, in document order (chapters in order, removed ones after). */
export function allRows(project: Project): RegisterRow[] {
  return (project.db.prepare(`${ROWS_SQL} ${ORDER_SQL}`).all() as RawRow[]).map(toRow);
}

export function registerRow(project: Project, id: string): RegisterRow {
  const raw = project.db.prepare(`${ROWS_SQL} WHERE r.id = ?`).get(id) as RawRow | undefined;
  if (!raw) throw new AppError('NOT_FOUND', `id: no recommendation with id ${id} in ${project.path}.`, { field: 'id' });
  return toRow(raw);
}

/** Lower case, accents and curly quotes folded, so "childrens" finds "Children’s" and "cafe" finds "café". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .toLowerCase();
}

function searchable(r: RegisterRow): string {
  return foldForSearch([r.text, r.section ?? '', r.chapter, r.partners.join(' '), r.lead ?? '', r.latestNote ?? '', r.status, r.rag ?? ''].join('\n'));
}

export interface ResolvedQuery extends Omit<RegisterQuery, 'partner'> {
  /** The codes a row must carry one of (empty: no partner filter). */
  partnerCodes: string[];
}

/** Turns the partner filter into the set of codes it stands for (ICB with successors: ICB, CCG). */
export function resolvePartnerFilter(project: Project, partner: string | undefined, includeSuccessors: boolean, rows: RegisterRow[]): string[] {
  if (partner === undefined) return [];
  const entry = findPartner(project, partner);
  const usedAsIs = rows.find((r) => r.partners.some((p) => p.toLowerCase() === partner.trim().toLowerCase()));
  if (!entry && !usedAsIs) {
    throw new AppError('NOT_FOUND', `partner: "${partner.trim()}" is not in the partner directory and no recommendation is tagged with it.`, { field: 'partner' });
  }
  const code = entry?.code ?? partner.trim();
  return includeSuccessors ? codesSucceededBy(code, successorLinks(project)) : [code];
}

export function filterRows(rows: RegisterRow[], q: ResolvedQuery): RegisterRow[] {
  const codes = new Set(q.partnerCodes.map((c) => c.toLowerCase()));
  const words = q.search ? foldForSearch(q.search).split(/\s+/).filter(Boolean) : [];
  return rows.filter((r) => {
    if (!q.includeRemoved && !r.inDocument) return false;
    if (codes.size > 0 && !r.partners.some((p) => codes.has(p.toLowerCase()))) return false;
    if (q.status && r.status !== q.status) return false;
    if (q.chapterId && r.chapterId !== q.chapterId) return false;
    if (q.needsOwner && r.partners.length > 0) return false;
    if (words.length > 0) {
      const hay = searchable(r);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

type SortValue = string | number | null;
function sortValue(r: RegisterRow, key: RegisterSortKey): SortValue {
  switch (key) {
    case 'document':
      return null; // by document order, below
    case 'chapter':
      return r.chapterPosition;
    case 'section':
      return r.section;
    case 'text':
      return r.text;
    case 'partners':
      return r.partners.length ? r.partners.join('/') : null;
    case 'status':
      return STATUSES.indexOf(r.status);
    case 'rag':
      return r.rag ? RAGS.indexOf(r.rag) : null;
    case 'dueDate':
      return r.dueDate;
    case 'updatedAt':
      return r.updatedAt;
  }
}

/**
 * Sorts a copy. `rows` must be in document order (as allRows gives them): ties keep it. Empty
 * values go last whichever the direction. Status sorts in workflow order, RAG Red → Amber → Green.
 */
export function sortRows(rows: RegisterRow[], key: RegisterSortKey = 'document', dir: 'asc' | 'desc' = 'asc'): RegisterRow[] {
  const indexed = rows.map((row, i) => ({ row, i }));
  const sign = dir === 'desc' ? -1 : 1;
  indexed.sort((a, b) => {
    if (key === 'document') return sign * (a.i - b.i);
    const va = sortValue(a.row, key);
    const vb = sortValue(b.row, key);
    if (va === null || vb === null) return va === vb ? a.i - b.i : va === null ? 1 : -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return indexed.map((x) => x.row);
}

export function partnerCounts(project: Project, rows: RegisterRow[]): PartnerCount[] {
  const live = rows.filter((r) => r.inDocument);
  const directory = project.db.prepare('SELECT code, name FROM partners ORDER BY position, code').all() as { code: string; name: string }[];
  const counts = new Map<string, PartnerCount>();
  for (const p of directory) counts.set(p.code.toLowerCase(), { code: p.code, name: p.name, inDirectory: true, count: 0 });
  const unknown: PartnerCount[] = [];
  for (const r of live) {
    for (const code of r.partners) {
      let entry = counts.get(code.toLowerCase());
      if (!entry) {
        entry = { code, name: null, inDirectory: false, count: 0 };
        counts.set(code.toLowerCase(), entry);
        unknown.push(entry);
      }
      entry.count++;
    }
  }
  unknown.sort((a, b) => collator.compare(a.code, b.code));
  return [...[...counts.values()].filter((c) => c.inDirectory), ...unknown];
}

/** The register as the UI and the CLI see it: filtered, sorted, with counts per partner. */
export function listRegister(project: Project, query: RegisterQuery = {}): RegisterResult {
  const rows = allRows(project);
  const partnerCodes = resolvePartnerFilter(project, query.partner, query.includeSuccessors ?? false, rows);
  const filtered = filterRows(rows, { ...query, partnerCodes });
  const live = rows.filter((r) => r.inDocument);
  return {
    rows: sortRows(filtered, query.sortBy, query.sortDir),
    total: rows.length,
    inDocument: live.length,
    needsOwner: live.filter((r) => r.partners.length === 0).length,
    counts: partnerCounts(project, rows),
    partnerCodes,
  };
}
