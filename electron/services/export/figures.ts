import { AppError } from '../../../shared/api/errors';
import { buildChartSpec, chartDataTable, summariseChart, type ChartData, type ChartDataTable, type ChartKind } from '../../../shared/charts';
import { ILLUSTRATIVE_NOTE } from '../../../shared/charts/format';
import type { ChartAttrs } from '../../../shared/editor/nodes/chart';
import type { IndicatorMeta } from '../../../shared/library/types';
import { loadChartData } from '../charts/chartData';
import { renderChartSvg } from '../charts/renderSvg';
import type { Library } from '../library/openLibrary';
import { sanitizeFragmentHtml } from './sanitizeHtml';

/** One chart of the document, drawn for export: everything its <figure> shows. */
export interface DrawnFigure {
  ok: true;
  /** 1-based, in document order; only drawn charts are numbered. */
  number: number;
  kind: ChartKind;
  title: string;
  caption: string;
  /** The sanitised inline SVG (role="img"; its name and description point at the caption and summary). */
  svg: string;
  summary: string;
  table: ChartDataTable;
  /** "Source: OHID Fingertips…, data imported 2026-11-23." — the same line the editor shows under the chart. */
  source: string;
  illustrative: boolean;
}

/** A chart that cannot be drawn (no indicator chosen, missing from the library, no rows): said in its place. */
export interface MissingFigure {
  ok: false;
  title: string;
  message: string;
}

export type FigureResult = DrawnFigure | MissingFigure;

export interface FigureTimings {
  /** Loading rows from the library, building specs, summaries and tables. */
  dataMs: number;
  /** vega: spec → SVG. */
  svgMs: number;
  /** DOMPurify on jsdom over each SVG. */
  sanitizeMs: number;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "2026-11-23T10:00:00Z" → "23 November 2026" (UK time). */
export function formatLongDate(value: Date | string): string {
  const t = typeof value === 'string' ? Date.parse(value) : value.getTime();
  return Number.isNaN(t) ? String(value) : LONG_DATE.format(t);
}

function indicatorsOf(kind: ChartKind, data: ChartData): IndicatorMeta[] {
  if (kind === 'basket') return (data as Extract<ChartData, { items: unknown }>).items.map((i) => i.indicator);
  return [(data as Extract<ChartData, { indicator: unknown }>).indicator];
}

export function chartTitle(attrs: Pick<ChartAttrs, 'title' | 'kind'>, data: ChartData | null): string {
  const own = attrs.title.trim();
  if (own) return own;
  if (data && 'indicator' in data) return data.indicator.name;
  if (data && 'area' in data) return `Basket of indicators: ${data.area.name}`;
  return attrs.kind === 'basket' ? 'Basket of indicators' : 'Chart';
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The chart's image is labelled by its caption ("Figure 3: …") and described by the text summary
 * that follows it, instead of carrying the whole summary in aria-label: a screen reader then hears
 * the summary once, and the tagged PDF's figure gets the caption as its name.
 */
export function labelSvg(svg: string, labelId: string, descriptionId: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new AppError('INTERNAL', 'The chart renderer produced no <svg> element.');
  const tag = open[0]
    .replace(/\s(?:role|aria-label|aria-labelledby|aria-describedby|aria-roledescription|aria-hidden)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg role="img" aria-labelledby="${escapeAttribute(labelId)}" aria-describedby="${escapeAttribute(descriptionId)}"`);
  // Inside role="img" everything is presentational: vega's per-mark roles and labels (graphics-symbol
  // without a name) only confuse assistive technology and accessibility checkers.
  const inner = svg.slice(open[0].length).replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  return tag + inner;
}

export function figureIds(n: number): { figure: string; caption: string; summary: string } {
  return { figure: `figure-${n}`, caption: `figure-${n}-caption`, summary: `figure-${n}-summary` };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
}

/**
 * Draws every chart of the document in order: rows from the library by the one data path
 * (loadChartData), the same spec builders as the screen, vega headless to SVG, the text summary and
 * the data table. Numbers the drawn ones. Checks for cancellation between charts.
 */
export async function drawFigures(
  charts: readonly ChartAttrs[],
  library: Library | null,
  opts: { signal?: AbortSignal | undefined; onDrawn?: ((done: number, total: number) => void) | undefined; noLibraryMessage?: string } = {},
): Promise<{ figures: FigureResult[]; timings: FigureTimings }> {
  const timings: FigureTimings = { dataMs: 0, svgMs: 0, sanitizeMs: 0 };
  const figures: FigureResult[] = [];
  let number = 0;
  for (const attrs of charts) {
    throwIfAborted(opts.signal);
    let t = performance.now();
    const loaded = library ? loadChartData(library, attrs) : { ok: false as const, message: opts.noLibraryMessage ?? 'The indicator library could not be opened.' };
    if (!loaded.ok) {
      figures.push({ ok: false, title: chartTitle(attrs, null), message: loaded.message });
      timings.dataMs += performance.now() - t;
      opts.onDrawn?.(figures.length, charts.length);
      continue;
    }
    const kind = attrs.kind;
    const data = loaded.data;
    const title = chartTitle(attrs, data);
    // The title is the figure's caption ("Figure 3: …"), outside the image: not drawn in it again.
    const spec = buildChartSpec(kind, data as never, { title: '', caption: attrs.caption });
    const summary = summariseChart(kind, data as never);
    const table = chartDataTable(kind, data as never);
    const indicators = indicatorsOf(kind, data);
    const illustrative = indicators.some((i) => i.illustrative);
    // The illustrative warning is shown on its own, emphasised (see documentHtml).
    const source = illustrative && loaded.source.endsWith(ILLUSTRATIVE_NOTE) ? loaded.source.slice(0, -ILLUSTRATIVE_NOTE.length).trim() : loaded.source;
    timings.dataMs += performance.now() - t;

    t = performance.now();
    const raw = await renderChartSvg(spec);
    timings.svgMs += performance.now() - t;

    number += 1;
    const ids = figureIds(number);
    t = performance.now();
    const svg = sanitizeFragmentHtml(labelSvg(raw, ids.caption, ids.summary));
    timings.sanitizeMs += performance.now() - t;

    figures.push({
      ok: true,
      number,
      kind,
      title,
      caption: attrs.caption.trim(),
      svg,
      summary,
      table,
      source,
      illustrative,
    });
    opts.onDrawn?.(figures.length, charts.length);
  }
  return { figures, timings };
}
