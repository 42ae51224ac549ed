import type { Node as PMNode } from '@tiptap/pm/model';
import { type ChartAttrs, defaultChartAttrs } from '../../../shared/editor/nodes/chart';
import { liveChapters } from '../documents/chapterStore';
import type { Library } from '../library/openLibrary';
import type { Project } from '../project/project';
import { throwIfCancelled } from './cancelled';
import { assembleDocument } from './document/assemble';
import { planChapters } from './document/chapterPlan';
import { placeFigures } from './document/figureSlots';
import { titlePageOf } from './document/titlePage';
import { drawFigures, type FigureTimings } from './figures';

/**
 * The published JSNA as one self-contained HTML file: title page, contents, list of figures, the
 * chapters, and an appendix of recommendations by partner. No script, nothing fetched from
 * elsewhere (a Content-Security-Policy says so too), written already sanitised: every piece
 * of text escaped and every element and attribute checked by DOMPurify's rules as it enters
 * (document/html.ts, htmlPolicy.ts); each chart's SVG checked by charts/staticSvg.ts.
 *
 * This file runs the export: plan the chapters, draw the charts in worker threads while the
 * document around them is assembled (document/assemble.ts and the parts it names), then put each
 * figure's SVG in its place.
 */

export type { TitlePage } from './document/titlePage';
export { titlePageOf } from './document/titlePage';
export { EXPORT_CSP } from './document/head';

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

/** What every export reports, whatever its format. */
export interface DocumentExportSummary {
  title: string;
  /** Chart nodes in the document. */
  charts: number;
  /** Of those, drawn as numbered figures (the rest said why they could not be drawn). */
  figures: number;
  recommendations: number;
  timings: FigureTimings & { totalMs: number; assembleMs: number };
  /** The HTML (HTML and PDF exports). */
  html?: string;
}

export interface HtmlExportResult extends DocumentExportSummary {
  html: string;
}

function chartAttrsOf(node: PMNode): ChartAttrs {
  return { ...defaultChartAttrs, ...(node.attrs as Partial<ChartAttrs>) } as ChartAttrs;
}

/** Renders the project to one sanitised, self-contained HTML document. */
export async function renderDocumentHtml(project: Project, library: Library | null, opts: HtmlExportOptions = {}): Promise<HtmlExportResult> {
  const started = performance.now();
  const title = titlePageOf(project, opts.now ?? new Date());
  const p = planChapters(liveChapters(project).filter((c) => !opts.chapterIds || opts.chapterIds.has(c.id)));
  const total = p.chartNodes.length + 1;
  opts.onProgress?.({ label: 'Drawing charts', done: 0, total });

  const { timings, during } = await drawFigures(p.chartNodes.map(chartAttrsOf), library, {
    signal: opts.signal,
    onDrawn: (done) => opts.onProgress?.({ label: 'Drawing charts', done, total }),
    noLibraryMessage: `The indicator library (${project.libraryPath}) could not be opened, so this chart cannot be drawn.`,
    whileDrawing: (figures) => assembleDocument(project, title, p, figures, opts.chapterIds),
  });
  throwIfCancelled(opts.signal);
  const assembled = during!;
  const spliceStart = performance.now();
  const html = placeFigures(assembled.html, assembled.nonce, assembled.drawn);
  const assembleMs = assembled.assembleMs + performance.now() - spliceStart;
  opts.onProgress?.({ label: 'Drawing charts', done: total, total });

  return {
    html,
    title: title.title,
    charts: p.chartNodes.length,
    figures: assembled.drawn.length,
    recommendations: p.recommendationIds.size,
    timings: { ...timings, assembleMs, totalMs: performance.now() - started },
  };
}
