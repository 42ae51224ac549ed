import type { ExportFile, RegisterQuery, RegisterRow } from '../../../shared/api/register';
import { findPartner, listPartners } from '../partners/directory';
import type { Project } from '../project/project';
import { allRows, filterRows, resolvePartnerFilter } from '../recommendations/register';
import { neutraliseFormula, toCsv } from './csv';
import { sealHtml } from './htmlSeal';
import { sanitizeDocumentHtml } from './sanitizeHtml';

/**
 * Per-partner action lists: what goes to each board after a JSNA is accepted. The register's rows
 * (never recommendations removed from the document) grouped by partner, then by chapter in
 * document order. One partner (optionally with those it succeeded: ICB with CCG) or all of them;
 * a recommendation owned by three partners is in each of their lists.
 */

export interface ChapterGroup {
  chapterId: string;
  chapter: string;
  rows: RegisterRow[];
}

export interface PartnerGroup {
  /** null: the group of recommendations nobody owns yet. */
  code: string | null;
  name: string;
  /** Codes folded into this group because this partner succeeded them (CCG under ICB). */
  includes: string[];
  chapters: ChapterGroup[];
  count: number;
}

export interface ActionList {
  projectTitle: string;
  /** The partner asked for, or null for all. */
  partner: string | null;
  groups: PartnerGroup[];
  generatedAt: Date;
}

function byChapter(rows: RegisterRow[]): ChapterGroup[] {
  const out: ChapterGroup[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.chapterId === r.chapterId) last.rows.push(r);
    else out.push({ chapterId: r.chapterId, chapter: r.chapter, rows: [r] });
  }
  return out;
}

export function buildActionList(project: Project, query: Omit<RegisterQuery, 'includeRemoved' | 'sortBy' | 'sortDir'>, now = new Date()): ActionList {
  const all = allRows(project);
  const codes = resolvePartnerFilter(project, query.partner, query.includeSuccessors ?? false, all);
  const rows = filterRows(all, { ...query, includeRemoved: false, partnerCodes: codes });
  const groups: PartnerGroup[] = [];
  const group = (code: string | null, name: string, includes: string[], members: RegisterRow[]) => {
    if (members.length) groups.push({ code, name, includes, chapters: byChapter(members), count: members.length });
  };
  if (query.partner !== undefined) {
    const entry = findPartner(project, codes[0]!);
    group(codes[0]!, entry?.name ?? codes[0]!, codes.slice(1), rows);
  } else {
    const seen = new Set<string>();
    for (const p of listPartners(project)) {
      seen.add(p.code.toLowerCase());
      group(p.code, p.name, [], rows.filter((r) => r.partners.some((c) => c.toLowerCase() === p.code.toLowerCase())));
    }
    const unknown = [...new Set(rows.flatMap((r) => r.partners).filter((c) => !seen.has(c.toLowerCase())))].sort();
    for (const code of unknown) {
      if (seen.has(code.toLowerCase())) continue;
      seen.add(code.toLowerCase());
      group(code, `${code} (not in the partner directory)`, [], rows.filter((r) => r.partners.some((c) => c.toLowerCase() === code.toLowerCase())));
    }
    group(null, 'Needs an owner', [], rows.filter((r) => r.partners.length === 0));
  }
  return { projectTitle: project.getMeta('title') ?? '', partner: query.partner !== undefined ? codes[0]! : null, groups, generatedAt: now };
}

// ---------------------------------------------------------------- formatting

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONG_DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** "2026-03-31" → "31 March 2026". */
export function formatDay(isoDay: string | null): string {
  if (!isoDay) return '';
  const t = Date.parse(`${isoDay}T00:00:00Z`);
  return Number.isNaN(t) ? isoDay : LONG_DATE.format(t);
}
function formatInstant(iso: string | null): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : LONG_DATE_TIME.format(t);
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'partner'
  );
}

export function actionListFilename(list: ActionList, ext: 'csv' | 'html'): string {
  const day = list.generatedAt.toISOString().slice(0, 10);
  return `action-list-${list.partner ? slug(list.partner) : 'all-partners'}-${day}.${ext}`;
}

// ---------------------------------------------------------------- CSV

export const CSV_HEADER = [
  'Partner',
  'Partner name',
  'Chapter',
  'Section',
  'Recommendation',
  'Owners',
  'Status',
  'RAG',
  'Due date',
  'Lead contact',
  'Latest note',
  'Last updated',
  'Updated by',
  'Recommendation ID',
] as const;

export function actionListCsv(list: ActionList): string {
  const records: (string | null)[][] = [[...CSV_HEADER]];
  for (const g of list.groups) {
    for (const c of g.chapters) {
      for (const r of c.rows) {
        records.push([
          neutraliseFormula(g.code ?? ''),
          neutraliseFormula(g.name),
          neutraliseFormula(c.chapter),
          neutraliseFormula(r.section),
          neutraliseFormula(r.text),
          neutraliseFormula(r.partners.join('/')),
          r.status,
          r.rag,
          r.dueDate,
          neutraliseFormula(r.lead),
          neutraliseFormula(r.latestNote),
          r.updatedAt,
          neutraliseFormula(r.updatedBy),
          r.id,
        ]);
      }
    }
  }
  return toCsv(records);
}

// ---------------------------------------------------------------- HTML

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
  body { font-family: Arial, "Helvetica Neue", sans-serif; color: #0b0c0c; line-height: 1.45; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; }
  h1 { font-size: 1.8rem; margin: 0 0 0.4rem; }
  h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; border-bottom: 3px solid #1d70b8; padding-bottom: 0.2rem; }
  h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
  .meta { color: #505a5f; margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: 0.92rem; }
  caption { text-align: left; font-weight: 700; padding: 0.3rem 0; }
  th, td { border: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
  thead th { background: #f3f2f1; }
  tbody th { font-weight: normal; }
  .rag { white-space: nowrap; }
  .rag::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 0.35em; vertical-align: -0.05em; border: 1px solid #0b0c0c; }
  .rag-red::before { background: #d4351c; }
  .rag-amber::before { background: #f47738; }
  .rag-green::before { background: #00703c; }
  .none { color: #505a5f; }
  a { color: #1d70b8; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; }
    nav { display: none; }
    .partner + .partner { break-before: page; }
    h2, h3, caption { break-after: avoid; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    a { color: inherit; text-decoration: none; }
    .rag::before { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }
`;

function cell(text: string | null, emptyWord = 'Not set'): string {
  return text ? escapeHtml(text) : `<span class="none">${emptyWord}</span>`;
}

function ragCell(rag: string | null): string {
  return rag ? `<span class="rag rag-${rag.toLowerCase()}">${escapeHtml(rag)}</span>` : '<span class="none">Not set</span>';
}

function noteCell(r: RegisterRow): string {
  if (!r.latestNote) return '<span class="none">None</span>';
  const when = r.latestNoteAt ? ` <span class="meta">(${escapeHtml(formatInstant(r.latestNoteAt))})</span>` : '';
  return `${escapeHtml(r.latestNote).replace(/\r?\n/g, '<br>')}${when}`;
}

export function actionListHtml(list: ActionList): string {
  const title = `Recommendations action list${list.partner ? `: ${list.partner}` : ''}`;
  const total = list.groups.reduce((n, g) => n + g.count, 0);
  const ids = new Map<string, number>();
  const anchor = (g: PartnerGroup) => {
    const base = `partner-${g.code === null ? 'needs-an-owner' : slug(g.code)}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
  const anchors = list.groups.map(anchor);
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="JSNA Studio">`);
  parts.push(`<title>${escapeHtml(title)}${list.projectTitle ? ` – ${escapeHtml(list.projectTitle)}` : ''}</title><style>${STYLE}</style></head><body><main>`);
  parts.push(`<h1>${escapeHtml(title)}</h1>`);
  parts.push(
    `<p class="meta">${list.projectTitle ? `${escapeHtml(list.projectTitle)}. ` : ''}Produced ${escapeHtml(formatInstant(list.generatedAt.toISOString()))}. ` +
      `${total} recommendation${total === 1 ? '' : 's'} for ${list.groups.length} ${list.groups.length === 1 ? 'partner' : 'partners'}; a recommendation owned by several partners is listed under each.</p>`,
  );
  if (list.groups.length === 0) parts.push('<p>No recommendations match.</p>');
  if (list.groups.length > 1) {
    parts.push('<nav aria-label="Partners"><h2>Partners</h2><ul>');
    list.groups.forEach((g, i) => parts.push(`<li><a href="#${anchors[i]}">${escapeHtml(g.code ?? g.name)}${g.code ? ` – ${escapeHtml(g.name)}` : ''}</a> (${g.count})</li>`));
    parts.push('</ul></nav>');
  }
  list.groups.forEach((g, gi) => {
    const heading = g.code ? `${g.code} – ${g.name}` : g.name;
    parts.push(`<section class="partner" aria-labelledby="${anchors[gi]}"><h2 id="${anchors[gi]}">${escapeHtml(heading)}</h2>`);
    parts.push(`<p class="meta">${g.count} recommendation${g.count === 1 ? '' : 's'}${g.includes.length ? `, including those tagged ${escapeHtml(g.includes.join(', '))}, whose duties ${escapeHtml(g.code ?? '')} took over` : ''}.</p>`);
    for (const c of g.chapters) {
      parts.push(`<h3>${escapeHtml(c.chapter)}</h3>`);
      parts.push(`<table><caption>${escapeHtml(g.code ?? g.name)}: recommendations in “${escapeHtml(c.chapter)}” (${c.rows.length})</caption>`);
      parts.push(
        '<thead><tr><th scope="col">Recommendation</th><th scope="col">Section</th><th scope="col">Owners</th><th scope="col">Status</th>' +
          '<th scope="col">RAG</th><th scope="col">Due date</th><th scope="col">Lead contact</th><th scope="col">Latest note</th></tr></thead><tbody>',
      );
      for (const r of c.rows) {
        parts.push(
          `<tr><th scope="row">${escapeHtml(r.text)}</th><td>${cell(r.section, 'None')}</td><td>${r.partners.length ? escapeHtml(r.partners.join('/')) : '<span class="none">Needs an owner</span>'}</td>` +
            `<td>${escapeHtml(r.status)}</td><td>${ragCell(r.rag)}</td><td>${r.dueDate ? `<time datetime="${escapeHtml(r.dueDate)}">${escapeHtml(formatDay(r.dueDate))}</time>` : '<span class="none">Not set</span>'}</td>` +
            `<td>${cell(r.lead)}</td><td>${noteCell(r)}</td></tr>`,
        );
      }
      parts.push('</tbody></table>');
    }
    parts.push('</section>');
  });
  parts.push('</main></body></html>');
  return sealHtml(sanitizeDocumentHtml(parts.join('\n')));
}

export function exportActionList(project: Project, query: Omit<RegisterQuery, 'includeRemoved' | 'sortBy' | 'sortDir'> & { format: 'csv' | 'html' }, now = new Date()): ExportFile {
  const { format, ...rest } = query;
  const list = buildActionList(project, rest, now);
  return format === 'csv'
    ? { filename: actionListFilename(list, 'csv'), mimeType: 'text/csv;charset=utf-8', content: actionListCsv(list) }
    : { filename: actionListFilename(list, 'html'), mimeType: 'text/html;charset=utf-8', content: actionListHtml(list) };
}
