import { randomBytes } from 'node:crypto';
import { getSchema } from '@tiptap/core';
import { DOMSerializer, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { JSDOM } from 'jsdom';
import type { DocJson } from '../../../shared/api/chapters';
import { AppError } from '../../../shared/api/errors';
import { ILLUSTRATIVE_NOTE } from '../../../shared/charts/format';
import { documentExtensions } from '../../../shared/editor/extensions';
import { type ChartAttrs, defaultChartAttrs } from '../../../shared/editor/nodes/chart';
import { partnerTag } from '../../../shared/editor/nodes/recommendation';
import type { Library } from '../library/openLibrary';
import { listPartners } from '../partners/directory';
import type { Project } from '../project/project';
import { buildActionList, type PartnerGroup } from './actionList';
import { drawFigures, type DrawnFigure, figureIds, type FigureResult, type FigureTimings, formatLongDate } from './figures';
import { sanitizeDocumentHtml } from './sanitizeHtml';
import { EXPORT_CSS } from './styles';

/**
 * The published JSNA as one self-contained HTML file: title page, contents, list of figures, the
 * chapters, and an appendix of recommendations by partner. No script, nothing fetched from
 * elsewhere (a Content-Security-Policy says so too), sanitised with DOMPurify on jsdom.
 *
 * The chapters are serialised by ProseMirror's DOMSerializer from the schema of the one extension
 * list (shared/editor/extensions.ts) — the editor's own — with export renderings for three nodes:
 * headings (shifted under the chapter title, with ids for the contents), charts (a numbered figure:
 * caption, inline SVG, text summary, data table, source) and recommendations (text + partner tags).
 */

export interface TitlePage {
  title: string;
  /** e.g. "Staffordshire and Stoke-on-Trent"; from the project's `area` setting. */
  area: string | null;
  /** "24 November 2026": the day of export. */
  date: string;
  authors: string | null;
  version: string | null;
}

export interface HtmlExportProgress {
  label: string;
  done: number;
  total: number;
}

export interface HtmlExportOptions {
  /** The day shown on the title page (default: now). */
  now?: Date;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: HtmlExportProgress) => void) | undefined;
  /** Only these chapters (in the document's order), and only their recommendations in the appendix; default all. */
  chapterIds?: ReadonlySet<string> | undefined;
}

export interface HtmlExportResult {
  html: string;
  title: string;
  /** Chart nodes in the document. */
  charts: number;
  /** Of those, drawn as numbered figures (the rest said why they could not be drawn). */
  figures: number;
  recommendations: number;
  timings: FigureTimings & { totalMs: number; assembleMs: number };
}

interface ChapterRow {
  id: string;
  title: string;
  position: number;
  doc: string;
}

/** The Content-Security-Policy the file carries: nothing runs, nothing is fetched. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

let cachedSchema: Schema | null = null;
function schema(): Schema {
  cachedSchema ??= getSchema(documentExtensions());
  return cachedSchema;
}

export function titlePageOf(project: Project, now: Date): TitlePage {
  const meta = (key: string) => project.getMeta(key)?.trim() || null;
  return {
    title: meta('title') ?? 'Joint Strategic Needs Assessment',
    area: meta('area'),
    date: formatLongDate(now),
    authors: meta('authors'),
    version: meta('version'),
  };
}

function chapterRows(project: Project): ChapterRow[] {
  return project.db
    .prepare('SELECT id, title, position, doc FROM chapters WHERE deleted_at IS NULL ORDER BY position, created_at')
    .all() as ChapterRow[];
}

function parseChapter(row: ChapterRow): PMNode {
  try {
    return schema().nodeFromJSON(JSON.parse(row.doc) as DocJson);
  } catch (e) {
    throw new AppError('BAD_INPUT', `Chapter "${row.title}" cannot be exported: its document does not fit the schema (${(e as Error).message}).`, { chapterId: row.id });
  }
}

/** Ids for anchors: letters, digits, - and _ only. */
function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

interface Plan {
  chapters: {
    row: ChapterRow;
    node: PMNode;
    id: string;
    /** Headings at the chapter's top level, for the contents. */
    headings: { id: string; text: string }[];
  }[];
  headingIds: Map<PMNode, { id: string; level: number }>;
  chartNodes: PMNode[];
  recommendationIds: Map<PMNode, string>;
}

/** One pass over every chapter: heading levels and ids, chart nodes in order, recommendation anchors. */
function plan(rows: ChapterRow[]): Plan {
  const headingIds = new Map<PMNode, { id: string; level: number }>();
  const recommendationIds = new Map<PMNode, string>();
  const usedRecIds = new Set<string>();
  const chartNodes: PMNode[] = [];
  const chapters = rows.map((row, ci) => {
    const node = parseChapter(row);
    const id = `chapter-${ci + 1}`;
    let min = 7;
    node.descendants((n) => {
      if (n.type.name === 'heading') min = Math.min(min, Number(n.attrs.level) || 2);
      return true;
    });
    const headings: { id: string; text: string }[] = [];
    let h = 0;
    node.descendants((n) => {
      if (n.type.name === 'heading') {
        h += 1;
        const level = Number(n.attrs.level) || 2;
        // The chapter title is <h2>; its top-level headings <h3>, and so on, never skipping a level.
        const mapped = Math.min(6, Math.max(3, level - min + 3));
        const hid = `${id}-section-${h}`;
        headingIds.set(n, { id: hid, level: mapped });
        const text = n.textContent.trim();
        if (level === min && text) headings.push({ id: hid, text });
        return false;
      }
      if (n.type.name === 'chart') {
        chartNodes.push(n);
        return false;
      }
      if (n.type.name === 'recommendation') {
        const raw = typeof n.attrs.id === 'string' && n.attrs.id ? `rec-${safeId(n.attrs.id)}` : `rec-${ci + 1}-${recommendationIds.size + 1}`;
        let rid = raw;
        for (let k = 2; usedRecIds.has(rid); k++) rid = `${raw}-${k}`;
        usedRecIds.add(rid);
        recommendationIds.set(n, rid);
        return false;
      }
      return true;
    });
    return { row, node, id, headings };
  });
  return { chapters, headingIds, chartNodes, recommendationIds };
}

function chartAttrsOf(node: PMNode): ChartAttrs {
  return { ...defaultChartAttrs, ...(node.attrs as Partial<ChartAttrs>) } as ChartAttrs;
}

type El = HTMLElement;

/** Builds the export serializer: the schema's own, with export renderings of heading, chart and recommendation. */
function exportSerializer(doc: Document, p: Plan, figures: Map<PMNode, FigureResult>, slot: (n: number) => string): DOMSerializer {
  const base = DOMSerializer.fromSchema(schema());
  const el = (tag: string, attrs: Record<string, string> = {}, ...children: (El | string)[]): El => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(typeof c === 'string' ? doc.createTextNode(c) : c);
    return e;
  };

  const drawnFigure = (f: DrawnFigure): El => {
    const ids = figureIds(f.number);
    const caption = el('figcaption', { id: ids.caption }, el('span', { class: 'figure-label' }, `Figure ${f.number}:`), ` ${f.title}`);
    const image = el('div', { class: 'chart-image' }, el('div', { 'data-jsna-slot': slot(f.number) }));
    const summary = el('p', { class: 'chart-summary', id: ids.summary }, el('strong', {}, 'Summary: '), f.summary);
    const main = el('div', { class: 'figure-main' }, caption, image);
    if (f.caption) main.append(el('p', { class: 'chart-caption' }, f.caption));
    main.append(summary);

    const table = el('table');
    table.append(el('caption', {}, `Data for Figure ${f.number}: ${f.table.caption}`));
    const head = el('tr');
    for (const c of f.table.columns) head.append(el('th', { scope: 'col' }, c));
    table.append(el('thead', {}, head));
    const body = el('tbody');
    for (const r of f.table.rows) {
      const tr = el('tr');
      r.forEach((cell, i) => tr.append(i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)));
      body.append(tr);
    }
    if (f.table.rows.length === 0) body.append(el('tr', {}, el('td', { colspan: String(Math.max(1, f.table.columns.length)) }, 'No values.')));
    table.append(body);
    const details = el('details', { class: 'chart-data' }, el('summary', {}, `Data table for Figure ${f.number}`), table);

    const source = el('p', { class: 'chart-source' }, f.source);
    if (f.illustrative) source.append(' ', el('strong', { class: 'illustrative' }, ILLUSTRATIVE_NOTE));
    return el('figure', { class: 'chart-figure', id: ids.figure }, main, details, source);
  };

  const nodes = {
    ...base.nodes,
    heading: (node: PMNode) => {
      const h = p.headingIds.get(node) ?? { id: '', level: 3 };
      return [`h${h.level}`, h.id ? { id: h.id } : {}, 0] as const;
    },
    chart: (node: PMNode) => {
      const f = figures.get(node);
      if (!f) return el('div');
      if (f.ok) return drawnFigure(f);
      return el('div', { class: 'chart-unavailable', role: 'note' }, el('p', {}, el('strong', {}, `Chart not available (${f.title}): `), f.message));
    },
    recommendation: (node: PMNode) => {
      const partners = Array.isArray(node.attrs.partners) ? (node.attrs.partners as unknown[]).filter((x): x is string => typeof x === 'string') : [];
      const id = p.recommendationIds.get(node) ?? '';
      const text = el('span', { class: 'recommendation-text' });
      const para = el('p', {}, text, ' ', el('span', { class: 'partner-tags' }, partnerTag(partners)));
      const wrap = el('div', { class: partners.length ? 'recommendation' : 'recommendation needs-owner', ...(id ? { id } : {}) }, para);
      return { dom: wrap, contentDOM: text };
    },
  };
  return new DOMSerializer(nodes as unknown as DOMSerializer['nodes'], base.marks);
}

function appendixGroups(project: Project, only?: ReadonlySet<string>): { groups: PartnerGroup[]; successors: Map<string, string> } {
  let { groups } = buildActionList(project, {});
  if (only) {
    groups = groups
      .map((g) => ({ ...g, chapters: g.chapters.filter((c) => only.has(c.chapterId)) }))
      .map((g) => ({ ...g, count: g.chapters.reduce((n, c) => n + c.rows.length, 0) }))
      .filter((g) => g.count > 0);
  }
  const successors = new Map<string, string>();
  for (const p of listPartners(project)) if (p.successor) successors.set(p.code, p.successor);
  return { groups, successors };
}

/** Renders the project to one sanitised, self-contained HTML document. */
export async function renderDocumentHtml(project: Project, library: Library | null, opts: HtmlExportOptions = {}): Promise<HtmlExportResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const title = titlePageOf(project, now);
  const p = plan(chapterRows(project).filter((r) => !opts.chapterIds || opts.chapterIds.has(r.id)));
  const total = p.chartNodes.length + 1;
  opts.onProgress?.({ label: 'Drawing charts', done: 0, total });

  // The document around the images, built while worker threads draw them.
  const assemble = (figures: readonly FigureResult[]) => {
    const assembleStart = performance.now();
    const figureOf = new Map<PMNode, FigureResult>();
    p.chartNodes.forEach((n, i) => figureOf.set(n, figures[i]!));
    const drawn = figures.filter((f): f is DrawnFigure => f.ok);

    // A random nonce per export, so no text in the document can pose as a chart's slot.
    const nonce = randomBytes(12).toString('hex');
    const slot = (n: number) => `${nonce}-${n}`;

    const dom = new JSDOM('<!DOCTYPE html><html lang="en-GB"><head></head><body></body></html>');
    const doc = dom.window.document;
    const el = (tag: string, attrs: Record<string, string> = {}, ...children: (El | string)[]): El => {
      const e = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      for (const c of children) e.append(typeof c === 'string' ? doc.createTextNode(c) : c);
      return e;
    };

    const head = doc.head;
    head.append(el('meta', { charset: 'utf-8' }));
    head.append(el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }));
    head.append(el('meta', { name: 'generator', content: 'JSNA Studio' }));
    head.append(el('title', {}, title.title));
    head.append(el('style', {}, EXPORT_CSS));

    const page = el('div', { class: 'page' });
    doc.body.append(page);

    // Title page.
    const meta = el('dl', { class: 'doc-meta' });
    const metaRow = (label: string, value: string | null) => {
      if (value) meta.append(el('div', {}, el('dt', {}, label), el('dd', {}, value)));
    };
    metaRow('Area', title.area);
    metaRow('Published', title.date);
    metaRow('Authors', title.authors);
    metaRow('Version', title.version);
    page.append(el('header', { class: 'title-page' }, el('p', { class: 'doc-type' }, 'Joint Strategic Needs Assessment'), el('h1', {}, title.title), meta));

    // Appendix data first: the contents lists it.
    const { groups, successors } = appendixGroups(project, opts.chapterIds);
    const recAnchors = new Set(p.recommendationIds.values());

    // Contents.
    const toc = el('ol');
    p.chapters.forEach((c, i) => {
      const li = el('li', {}, el('a', { href: `#${c.id}` }, `${i + 1}. ${c.row.title}`));
      if (c.headings.length) {
        const sub = el('ol');
        for (const h of c.headings) sub.append(el('li', {}, el('a', { href: `#${h.id}` }, h.text)));
        li.append(sub);
      }
      toc.append(li);
    });
    if (groups.length) toc.append(el('li', {}, el('a', { href: '#recommendations-by-partner' }, 'Appendix: Recommendations by partner')));
    page.append(el('nav', { class: 'toc', 'aria-labelledby': 'contents-title' }, el('h2', { id: 'contents-title' }, 'Contents'), toc));

    if (drawn.length) {
      const list = el('ol');
      for (const f of drawn) list.append(el('li', {}, el('a', { href: `#${figureIds(f.number).figure}` }, `Figure ${f.number}: ${f.title}`)));
      page.append(el('nav', { class: 'figure-list', 'aria-labelledby': 'figures-title' }, el('h2', { id: 'figures-title' }, 'Figures'), list));
    }

    // Chapters.
    const main = el('main', { id: 'main' });
    page.append(main);
    const serializer = exportSerializer(doc, p, figureOf, slot);
    p.chapters.forEach((c, i) => {
      const section = el('section', { class: 'chapter', id: c.id, 'aria-labelledby': `${c.id}-title` });
      section.append(el('h2', { id: `${c.id}-title` }, `${i + 1}. ${c.row.title}`));
      section.append(serializer.serializeFragment(c.node.content, { document: doc }) as unknown as El);
      main.append(section);
    });

    // Appendix: recommendations by partner.
    if (groups.length) {
      const section = el('section', { class: 'appendix', id: 'recommendations-by-partner', 'aria-labelledby': 'recommendations-by-partner-title' });
      section.append(el('h2', { id: 'recommendations-by-partner-title' }, 'Appendix: Recommendations by partner'));
      section.append(
        el(
          'p',
          {},
          'Each recommendation is listed under every partner tagged as owning it, in the order it appears in this document. ' +
            'A recommendation owned by several partners appears under each of them.',
        ),
      );
      groups.forEach((g, gi) => {
        const hid = `partner-${gi + 1}`;
        const name = g.code === null ? g.name : g.name && g.name.toLowerCase() !== g.code.toLowerCase() ? `${g.code}: ${g.name}` : g.name || g.code;
        section.append(el('h3', { id: hid }, `${name} (${g.count})`));
        const successor = g.code ? successors.get(g.code) : undefined;
        if (successor) section.append(el('p', {}, `${g.code}’s duties have passed to ${successor}.`));
        const list = el('ol', { class: 'partner-recs', 'aria-labelledby': hid });
        for (const chapter of g.chapters) {
          for (const r of chapter.rows) {
            const anchor = `rec-${safeId(r.id)}`;
            const text = recAnchors.has(anchor) ? el('a', { href: `#${anchor}` }, r.text) : el('span', {}, r.text);
            const where = [chapter.chapter, r.section].filter((s): s is string => Boolean(s && s.trim())).join(', ');
            const li = el('li', {}, text, ' ', el('span', { class: 'partner-tags' }, partnerTag(r.partners)));
            if (where) li.append(el('span', { class: 'rec-where' }, ` (${where})`));
            list.append(li);
          }
        }
        section.append(list);
      });
      main.append(section);
    }

    let html = sanitizeDocumentHtml(dom.serialize());
    dom.window.close();
    // Nothing may run or load, whatever the file is opened with: say so in the file itself.
    html = html.replace(/<head>/i, `<head><meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
    return { html, nonce, drawn, assembleMs: performance.now() - assembleStart };
  };

  const { timings, during } = await drawFigures(p.chartNodes.map(chartAttrsOf), library, {
    signal: opts.signal,
    onDrawn: (done) => opts.onProgress?.({ label: 'Drawing charts', done, total }),
    noLibraryMessage: `The indicator library (${project.libraryPath}) could not be opened, so this chart cannot be drawn.`,
    whileDrawing: assemble,
  });
  if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
  const { nonce, drawn } = during!;
  let { html } = during!;
  const spliceStart = performance.now();
  // Each chart's SVG, sanitised on its own, goes where its slot survived sanitising: one pass.
  const svgs = new Map(drawn.map((f) => [String(f.number), f.svg]));
  let placed = 0;
  html = html.replace(new RegExp(`<div data-jsna-slot="${nonce}-(\\d+)"></div>`, 'g'), (_m, n: string) => {
    const svg = svgs.get(n);
    if (svg === undefined) return '';
    svgs.delete(n);
    placed += 1;
    return svg;
  });
  if (placed !== drawn.length) throw new AppError('INTERNAL', `${drawn.length - placed} figure(s) lost their place while the document was sanitised.`);
  const assembleMs = during!.assembleMs + performance.now() - spliceStart;
  opts.onProgress?.({ label: 'Drawing charts', done: total, total });

  const recommendations = p.recommendationIds.size;
  return {
    html,
    title: title.title,
    charts: p.chartNodes.length,
    figures: drawn.length,
    recommendations,
    timings: { ...timings, assembleMs, totalMs: performance.now() - started },
  };
}
