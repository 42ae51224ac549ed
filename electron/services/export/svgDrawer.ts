import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { AppError, type ErrorPayload } from '../../../shared/api/errors';
import { renderChartSvg } from '../charts/renderSvg';
import { isPlainSvg } from '../charts/staticSvg';
import { labelSvg } from './labelSvg';
import { sanitizeFragmentHtml } from './sanitizeHtml';

/**
 * Draws one figure's image for export: vega headless → SVG, named by its caption and described by
 * its summary (labelSvg), checked to be plain SVG (charts/staticSvg.ts) or else sanitised with
 * DOMPurify on jsdom. Both steps are parse-bound and take
 * most of an export's time, so a long document draws them on worker threads
 * (dist/electron/exportFigureWorker.cjs, the same code) while the main thread loads the next
 * charts' rows; a short one, or code run from its TypeScript sources (tests), draws in-thread.
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
   * Draws jobs no worker has started yet on this thread, one at a time, until none is left (the
   * caller has nothing else to do). Absent when everything is drawn here anyway.
   */
  helpUntilDone?(): Promise<void>;
  /** Stops the workers; jobs not yet drawn reject. Safe to repeat. */
  close(): Promise<void>;
}

/** A job this thread took over from the pool: draw it here and settle it. */
interface StolenJob {
  job: SvgJob;
  resolve(r: DrawnSvg): void;
  reject(e: unknown): void;
}

/** A worker pool whose jobs not yet started this thread can take over. */
export interface WorkerPool extends SvgDrawer {
  /** The last-sent job no worker has started, now this thread's (undefined: none left). */
  steal(): StolenJob | undefined;
}

/** What the worker is told first: one claim flag per job, shared (0 free, 1 the worker's, 2 taken over). */
export interface FigureWorkerData {
  claims: SharedArrayBuffer;
}

/** Jobs with a claim flag; later ones (beyond any real document) are simply drawn by the worker. */
const CLAIM_SLOTS = 16_384;

/** What the worker posts back for a job ('skipped': this thread had taken it over). */
export type SvgWorkerReply =
  | { id: number; ok: true; result: DrawnSvg }
  | { id: number; ok: false; error: ErrorPayload | { message: string } }
  | { id: number; ok: 'skipped' };

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

/**
 * A pool of figure workers: every job is sent at once to whichever worker has the fewest waiting
 * (this thread may be busy building the document and cannot feed them later), and results come
 * back by job id. Each job has a shared claim flag: a worker claims a job before drawing it, and
 * this thread can take over any job not yet claimed (steal), which the worker then skips. A worker
 * that dies rejects its jobs; the export then fails with that error.
 */
export function workerDrawer(path: string, size: number): WorkerPool {
  let nextId = 0;
  let closed = false;
  const claims = new Int32Array(new SharedArrayBuffer(4 * CLAIM_SLOTS));
  const pending = new Map<number, StolenJob & { worker: Worker }>();
  const load = new Map<Worker, number>();
  let stealFrom = -1;
  const settle = (id: number, w: Worker) => {
    const p = pending.get(id);
    if (!p) return null;
    pending.delete(id);
    load.set(w, (load.get(w) ?? 1) - 1);
    return p;
  };
  const rejectAll = (worker: Worker | null, e: unknown) => {
    for (const [id, p] of pending) {
      if (worker === null || p.worker === worker) {
        pending.delete(id);
        p.reject(e);
      }
    }
  };
  const workerData: FigureWorkerData = { claims: claims.buffer as SharedArrayBuffer };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(path, { workerData });
    load.set(w, 0);
    w.on('message', (m: SvgWorkerReply) => {
      if (m.ok === 'skipped') return; // taken over by this thread, which settles it
      const p = settle(m.id, w);
      if (!p) return;
      if (m.ok) p.resolve(m.result);
      else p.reject('code' in m.error ? AppError.fromPayload(m.error) : new Error(m.error.message));
    });
    w.on('error', (e) => rejectAll(w, e));
    w.on('exit', (code) => rejectAll(w, closed ? new AppError('CANCELLED', 'The export was cancelled.') : new Error(`an export worker stopped (exit code ${code})`)));
    return w;
  });
  return {
    draw(job) {
      if (closed) return Promise.reject(new AppError('CANCELLED', 'The export was cancelled.'));
      const worker = workers.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
      const id = nextId++;
      stealFrom = id;
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise<DrawnSvg>((resolve, reject) => {
        pending.set(id, { job, resolve, reject, worker });
        worker.postMessage({ id, job });
      });
    },
    steal() {
      for (; stealFrom >= 0; stealFrom--) {
        const id = stealFrom;
        if (id >= CLAIM_SLOTS) continue;
        const p = pending.get(id);
        if (!p || Atomics.compareExchange(claims, id, 0, 2) !== 0) continue;
        stealFrom--;
        return settle(id, p.worker) ?? undefined;
      }
      return undefined;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(workers.map((w) => w.terminate()));
      rejectAll(null, new AppError('CANCELLED', 'The export was cancelled.'));
    },
  };
}

/** The drawer for an export of `charts` charts: workers when it is long enough and they exist. */
export function drawerFor(charts: number, opts: { workerPath?: string | null; workers?: number } = {}): SvgDrawer {
  const path = opts.workerPath === undefined ? figureWorkerPath() : opts.workerPath;
  const size = opts.workers ?? workerCount();
  if (!path || size < 1 || charts < MIN_CHARTS_FOR_WORKERS) return inThreadDrawer;
  return sharedDrawer(workerDrawer(path, Math.min(size, charts)));
}

/**
 * Workers plus this thread: every figure goes to the workers, and once this thread has nothing else
 * to do (the charts' rows loaded and the document built around the images) it takes over the ones
 * they have not started, last first, so neither side sits idle while the other still has work: on
 * two cores the worker starts (~1 s loading vega and jsdom) while this thread builds the document.
 */
export function sharedDrawer(pool: WorkerPool): SvgDrawer {
  let closed = false;
  return {
    draw(job) {
      if (closed) return Promise.reject(new AppError('CANCELLED', 'The export was cancelled.'));
      return pool.draw(job);
    },
    async helpUntilDone() {
      // A figure that cannot be drawn fails the export: stop there rather than draw the rest.
      let failed = false;
      while (!closed && !failed) {
        const job = pool.steal();
        if (!job) break;
        await drawSvg(job.job).then(job.resolve, (e: unknown) => {
          failed = true;
          job.reject(e);
        });
      }
    },
    async close() {
      closed = true;
      await pool.close();
    },
  };
}
