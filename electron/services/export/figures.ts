import { chartRefOf, type ChartAttrs, type ChartKind } from '../../../shared/charts/definition';
import { figureOf } from '../../../shared/charts/figure';
import type { ChartDataTable } from '../../../shared/charts/tables';
import { loadChartData } from '../charts/chartData';
import type { Library } from '../library/openLibrary';
import { breather } from './breather';
import { throwIfCancelled } from './cancelled';
import { drawerFor, inThreadDrawer, type SvgDrawer } from './svgDrawer';

export { labelSvg } from './labelSvg';

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
  /** Checking each SVG (staticSvg.isPlainSvg), and DOMPurify on jsdom over any that is not plain. */
  sanitizeMs: number;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "2026-11-23T10:00:00Z" → "23 November 2026" (UK time). */
export function formatLongDate(value: Date | string): string {
  const t = typeof value === 'string' ? Date.parse(value) : value.getTime();
  return Number.isNaN(t) ? String(value) : LONG_DATE.format(t);
}

/** The title of a chart that cannot be drawn (a drawn one's comes from figureOf, as on screen). */
function missingTitle(attrs: Pick<ChartAttrs, 'title' | 'kind'>): string {
  return attrs.title.trim() || (attrs.kind === 'basket' ? 'Basket of indicators' : 'Chart');
}

export function figureIds(n: number): { figure: string; caption: string; summary: string } {
  return { figure: `figure-${n}`, caption: `figure-${n}-caption`, summary: `figure-${n}-summary` };
}


/**
 * Draws every chart of the document in order: rows from the library by the one data path
 * (loadChartData), the same spec builders as the screen, the text summary and the data table on
 * this thread; vega headless to SVG and sanitising by the drawer (worker threads for a long
 * document, see svgDrawer.ts). Numbers the drawn ones. Checks for cancellation between charts, and
 * when cancelled closes the drawer (the workers skip this export's jobs not yet started).
 */
export async function drawFigures<T = undefined>(
  charts: readonly ChartAttrs[],
  library: Library | null,
  opts: {
    signal?: AbortSignal | undefined;
    /** After each chart: how many are done, and the figure when it was drawn (its `svg` now set). */
    onDrawn?: ((done: number, total: number, figure?: DrawnFigure) => void) | undefined;
    noLibraryMessage?: string;
    /** Default: drawerFor(charts.length), closed at the end. Either is closed when cancelled. */
    drawer?: SvgDrawer;
    /**
     * Runs on this thread while worker threads still draw: every figure is there but its `svg` may
     * still be empty. The document around the images is built here (see documentHtml).
     */
    whileDrawing?: (figures: readonly FigureResult[]) => T;
  } = {},
): Promise<{ figures: FigureResult[]; timings: FigureTimings; during: T | undefined }> {
  const timings: FigureTimings = { dataMs: 0, svgMs: 0, sanitizeMs: 0 };
  const figures: FigureResult[] = new Array<FigureResult>(charts.length);
  const drawer = opts.drawer ?? drawerFor(charts.length);
  const stop = () => void drawer.close();
  opts.signal?.addEventListener('abort', stop, { once: true });
  let done = 0;
  const drawn = (figure?: DrawnFigure) => opts.onDrawn?.(++done, charts.length, figure);
  const breathe = breather();
  const jobs: Promise<void>[] = [];
  let number = 0;
  try {
    for (const [i, attrs] of charts.entries()) {
      await breathe();
      throwIfCancelled(opts.signal);
      const t = performance.now();
      const checked = chartRefOf(attrs);
      const loaded = !checked.ok
        ? checked
        : library
          ? loadChartData(library, checked.ref)
          : { ok: false as const, message: opts.noLibraryMessage ?? 'The indicator library could not be opened.' };
      if (!loaded.ok) {
        figures[i] = { ok: false, title: missingTitle(attrs), message: loaded.message };
        timings.dataMs += performance.now() - t;
        drawn();
        continue;
      }
      // The same figure as the screen's; its title is the figure's caption ("Figure 3: …"), outside
      // the image, so it is not drawn in it again. The illustrative warning is shown on its own.
      const { kind, spec, title, caption, summary, table, source, illustrative } = figureOf(loaded, attrs, { titleInImage: false });
      timings.dataMs += performance.now() - t;

      number += 1;
      const n = number;
      const ids = figureIds(n);
      // Everything but the image is known now; the image is filled in when drawn.
      const figure: DrawnFigure = { ok: true, number: n, kind, title, caption, svg: '', summary, table, source, illustrative };
      figures[i] = figure;
      const job = drawer.draw({ spec, labelId: ids.caption, descriptionId: ids.summary }).then((d) => {
        timings.svgMs += d.svgMs;
        timings.sanitizeMs += d.sanitizeMs;
        figure.svg = d.svg;
        drawn(figure);
      });
      job.catch(() => undefined); // awaited below; its error (or the cancellation) surfaces there
      jobs.push(job);
      // On this thread, one at a time (so cancelling is checked between charts); with workers,
      // this thread draws some too whenever they fall behind.
      if (drawer === inThreadDrawer) await job;
      else await drawer.helpIfBehind?.();
    }
    const during = opts.whileDrawing?.(figures);
    // Nothing left to do here but wait: draw what the workers have not started yet.
    await drawer.helpUntilDone?.();
    await Promise.all(jobs);
    throwIfCancelled(opts.signal);
    return { figures, timings, during };
  } catch (e) {
    throwIfCancelled(opts.signal);
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', stop);
    if (!opts.drawer) await drawer.close();
  }
}
