import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { renderChartSvg } from '../charts/renderSvg';
import { isPlainSvg } from '../charts/staticSvg';
import { breather } from './breather';
import { exportCancelled } from './cancelled';
import { type PoolSession, warmPool } from './figurePool';
import { labelSvg } from './labelSvg';
import { sanitizeFragmentHtml } from './sanitizeHtml';

/**
 * Draws one figure's image for export: vega headless → SVG, named by its caption and described by
 * its summary (labelSvg), checked to be plain SVG (charts/staticSvg.ts) or else sanitised with
 * DOMPurify on jsdom. Both steps are parse-bound and take most of an export's time, so a long
 * document draws them on worker threads too (figurePool.ts: dist/electron/exportFigureWorker.cjs,
 * the same code, kept warm between exports) while the main thread loads the next charts' rows; a
 * short one, or code run from its TypeScript sources (tests), draws in-thread.
 */
export interface DrawnSvg {
  svg: string;
  svgMs: number;
  sanitizeMs: number;
}

export interface SvgJob {
  spec: TopLevelSpec;
  labelId: string;
  descriptionId: string;
}

export interface SvgDrawer {
  draw(job: SvgJob): Promise<DrawnSvg>;
  /**
   * While the caller is still sending jobs: if more are waiting than the workers will soon start,
   * draws some of them on this thread (a cold or busy worker then does not hold the export up).
   * Absent when everything is drawn here anyway.
   */
  helpIfBehind?(): Promise<void>;
  /**
   * Draws jobs no worker has started yet on this thread, one at a time, until none is left (the
   * caller has nothing else to do). Absent when everything is drawn here anyway.
   */
  helpUntilDone?(): Promise<void>;
  /** Ends this drawer's jobs (those not yet drawn reject); safe to repeat. */
  close(): Promise<void>;
}

/** The figure's image, drawn on this thread. */
export async function drawSvg(job: SvgJob): Promise<DrawnSvg> {
  let t = performance.now();
  const raw = await renderChartSvg(job.spec);
  const svgMs = performance.now() - t;
  t = performance.now();
  const labelled = labelSvg(raw, job.labelId, job.descriptionId);
  // vega's own markup, checked element by element and attribute by attribute against what our
  // charts use (every bit of text in it then is escaped text), needs no DOMPurify; anything else gets it.
  const svg = isPlainSvg(labelled) ? labelled : sanitizeFragmentHtml(labelled);
  return { svg, svgMs, sanitizeMs: performance.now() - t };
}

export const inThreadDrawer: SvgDrawer = { draw: drawSvg, close: async () => undefined };

export const FIGURE_WORKER_FILE = 'exportFigureWorker.cjs';

/** Below this many charts, starting workers (each loads vega and jsdom) costs more than it saves. */
export const MIN_CHARTS_FOR_WORKERS = 24;

/**
 * The bundled figure worker beside this code (dist/electron/ in the app, CLI and browser mode),
 * unless turned off (`JSNA_EXPORT_WORKER=0`) or pointed elsewhere (`JSNA_EXPORT_WORKER=<path>`).
 * Null when there is none (e.g. the TypeScript sources in tests).
 */
export function figureWorkerPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const set = env.JSNA_EXPORT_WORKER;
  if (set === '0') return null;
  const path = set || join(__dirname, FIGURE_WORKER_FILE);
  return existsSync(path) ? path : null;
}

/**
 * How many worker threads: the main thread draws its share too, so one per idle core besides it, at
 * most four, and none unless at least two cores are idle. Each worker loads vega and jsdom and warms
 * up on its own (about 1 s of CPU), which pays on idle cores and costs on a busy machine (a shared
 * 2-core machine running other work drew a 300-chart export in 10 s on the main thread and 15 s
 * with two workers).
 */
export function workerCount(idleCores: number = idleCoresNow()): number {
  const idle = Math.floor(idleCores + 0.25);
  return idle < 2 ? 0 : Math.min(4, idle - 1);
}

/**
 * Cores idle right now: CPU time sampled over `ms` while this thread waits (so it measures the rest
 * of the machine). The 1-minute load average lags too much: it still counts work that just ended.
 */
export function idleCoresNow(ms = 100): number {
  const idleOf = () => cpus().reduce((sum, c) => [sum[0]! + c.times.idle, sum[1]! + c.times.idle + c.times.user + c.times.nice + c.times.sys + c.times.irq], [0, 0]);
  const [idle0, total0] = idleOf();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const [idle1, total1] = idleOf();
  const total = total1! - total0!;
  return total > 0 ? (cpus().length * (idle1! - idle0!)) / total : 0;
}

/** The drawer for an export of `charts` charts: the warm worker pool when it is long enough and the bundle exists. */
export function drawerFor(charts: number, opts: { workerPath?: string | null; workers?: number } = {}): SvgDrawer {
  const path = opts.workerPath === undefined ? figureWorkerPath() : opts.workerPath;
  if (!path || charts < MIN_CHARTS_FOR_WORKERS || opts.workers === 0) return inThreadDrawer;
  const pool = warmPool(path, () => opts.workers ?? workerCount());
  return pool ? sharedDrawer(pool.session(charts), pool.size) : inThreadDrawer;
}

/** Jobs waiting per worker before this thread draws some itself: enough that a warm worker never waits for the next. */
export const BACKLOG_PER_WORKER = 2;

/**
 * Workers plus this thread: every figure goes to the workers; while this thread is still loading
 * the next charts' rows it draws the newest waiting job itself whenever more are waiting than the
 * workers will soon start (a worker just started, or on a busy machine, draws slowly), and once it
 * has nothing else to do (the document built around the images) it takes over every one they have
 * not started, last first, so neither side sits idle while the other still has work.
 */
export function sharedDrawer(session: PoolSession, workers = 1): SvgDrawer {
  let closed = false;
  let failed = false;
  // A figure that cannot be drawn fails the export: stop there rather than draw the rest.
  const drawOne = async (): Promise<boolean> => {
    const job = closed || failed ? undefined : session.steal();
    if (!job) return false;
    await drawSvg(job.job).then(job.resolve, (e: unknown) => {
      failed = true;
      job.reject(e);
    });
    return true;
  };
  return {
    draw(job) {
      if (closed) return Promise.reject(exportCancelled());
      return session.draw(job);
    },
    async helpIfBehind() {
      while (session.unstarted() > BACKLOG_PER_WORKER * workers && (await drawOne()));
    },
    async helpUntilDone() {
      const breathe = breather();
      while (await drawOne()) await breathe();
    },
    async close() {
      closed = true;
      await session.close();
    },
  };
}
