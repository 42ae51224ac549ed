import { Worker } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../../shared/api/errors';
import { exportCancelled } from './cancelled';
import type { DrawnSvg, SvgDrawer, SvgJob } from './svgDrawer';

/**
 * The figure workers (dist/electron/exportFigureWorker.cjs), kept warm between exports: a worker
 * loads vega and jsdom and its code gets fast only after drawing a few hundred charts (cold, it drew
 * ~40 ms a chart; warm, ~5 ms, as the main thread does), so a pool started afresh for every export
 * spent most of a 300-chart export warming up. One pool per process, started by the first long
 * export, reused by the next, and stopped once no export has used it for KEEP_WARM_MS. Its threads
 * keep the process alive only while an export is using them (a CLI run exits at once when done).
 *
 * Each export is a session: its jobs are numbered from 0 and each has a claim flag in the session's
 * own shared buffer (0 free, 1 a worker's, 2 the main thread's or cancelled). A worker claims a job
 * before drawing it; the main thread can take over any job not yet claimed (steal), which the
 * worker then skips, and closing a session (cancel) marks all its unclaimed jobs so the workers
 * skip them while the pool stays warm for the next export.
 */

/** Stop the idle pool after this long without an export (each worker holds vega and jsdom, ~100 MB). */
export const KEEP_WARM_MS = 60_000;

/** What the main thread sends a worker. */
export type FigureWorkerMessage =
  | { type: 'session'; session: number; claims: SharedArrayBuffer }
  | { type: 'job'; session: number; index: number; job: SvgJob }
  | { type: 'end'; session: number };

/** What a worker posts back for a job ('skipped': the main thread had taken it over, or it was cancelled). */
export type SvgWorkerReply =
  | { session: number; index: number; ok: true; result: DrawnSvg }
  | { session: number; index: number; ok: false; error: ErrorPayload | { message: string } }
  | { session: number; index: number; ok: 'skipped' };

/** A job the main thread took over from the pool: draw it there and settle it. */
export interface StolenJob {
  job: SvgJob;
  resolve(r: DrawnSvg): void;
  reject(e: unknown): void;
}

/** One export's share of the pool. */
export interface PoolSession extends SvgDrawer {
  /** The last-sent job no worker has started, now the caller's (undefined: none left). */
  steal(): StolenJob | undefined;
  /** Jobs sent that no worker has started yet. */
  unstarted(): number;
}

export interface FigurePool {
  readonly path: string;
  readonly size: number;
  /** False once a worker has died or the pool was stopped: start another. */
  readonly alive: boolean;
  /** A session for an export of up to `jobs` figures. */
  session(jobs: number): PoolSession;
  stop(): Promise<void>;
}

interface Pending extends StolenJob {
  worker: Worker;
}

interface SessionState {
  claims: Int32Array;
  pending: Map<number, Pending>;
}

export function figurePool(path: string, size: number, opts: { keepWarmMs?: number } = {}): FigurePool {
  const keepWarmMs = opts.keepWarmMs ?? KEEP_WARM_MS;
  const sessions = new Map<number, SessionState>();
  const load = new Map<Worker, number>();
  let nextSession = 0;
  let alive = true;
  let idleTimer: NodeJS.Timeout | null = null;

  // Each worker's count of jobs sent to it and not yet settled (new jobs go to the least loaded).
  const release = (p: Pending) => load.set(p.worker, (load.get(p.worker) ?? 1) - 1);
  const rejectAll = (worker: Worker | null, e: unknown) => {
    for (const s of sessions.values()) {
      for (const [index, p] of s.pending) {
        if (worker !== null && p.worker !== worker) continue;
        s.pending.delete(index);
        release(p);
        p.reject(e);
      }
    }
  };
  const settle = (session: number, index: number) => {
    const p = sessions.get(session)?.pending.get(index);
    if (!p) return null;
    sessions.get(session)!.pending.delete(index);
    release(p);
    return p;
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(path);
    load.set(w, 0);
    w.unref();
    w.on('message', (m: SvgWorkerReply) => {
      if (m.ok === 'skipped') return; // taken over or cancelled: settled by whoever did that
      const p = settle(m.session, m.index);
      if (!p) return;
      if (m.ok) p.resolve(m.result);
      else p.reject('code' in m.error ? AppError.fromPayload(m.error) : new Error(m.error.message));
    });
    w.on('error', (e) => died(w, e));
    w.on('exit', (code) => died(w, new Error(`an export worker stopped (exit code ${code})`)));
    return w;
  });
  // A worker that fails takes its jobs' exports down with its error, and the pool with it (the
  // others are stopped; the next export starts a new pool).
  function died(w: Worker, e: unknown) {
    if (!alive) return;
    alive = false;
    rejectAll(w, e);
    void stop();
  }
  const stop = async () => {
    alive = false;
    if (idleTimer) clearTimeout(idleTimer);
    await Promise.all(workers.map((w) => w.terminate()));
    rejectAll(null, exportCancelled());
  };
  // Busy: the workers keep the process alive (its exports await them). Idle: they do not, and stop after a while.
  const busy = (on: boolean) => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    for (const w of workers) {
      if (on) w.ref();
      else w.unref();
    }
    if (!on && alive) {
      idleTimer = setTimeout(() => void stop(), keepWarmMs);
      idleTimer.unref();
    }
  };

  return {
    path,
    size,
    get alive() {
      return alive;
    },
    stop,
    session(jobs) {
      if (!alive) throw new AppError('INTERNAL', 'The export workers have stopped.');
      const id = nextSession++;
      const state: SessionState = { claims: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, jobs))), pending: new Map() };
      sessions.set(id, state);
      busy(true);
      for (const w of workers) w.postMessage({ type: 'session', session: id, claims: state.claims.buffer as SharedArrayBuffer } satisfies FigureWorkerMessage);
      let sent = 0;
      let stealFrom = -1;
      let closed = false;
      return {
        draw(job) {
          if (closed || !alive) return Promise.reject(exportCancelled());
          if (sent >= state.claims.length) return Promise.reject(new AppError('INTERNAL', `An export session holds ${state.claims.length} figures.`));
          const worker = workers.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
          const index = sent++;
          stealFrom = index;
          load.set(worker, (load.get(worker) ?? 0) + 1);
          return new Promise<DrawnSvg>((resolve, reject) => {
            state.pending.set(index, { job, resolve, reject, worker });
            worker.postMessage({ type: 'job', session: id, index, job } satisfies FigureWorkerMessage);
          });
        },
        steal() {
          for (; stealFrom >= 0; stealFrom--) {
            const index = stealFrom;
            if (!state.pending.has(index) || Atomics.compareExchange(state.claims, index, 0, 2) !== 0) continue;
            stealFrom--;
            return settle(id, index) ?? undefined;
          }
          return undefined;
        },
        unstarted() {
          let n = 0;
          for (const index of state.pending.keys()) if (Atomics.load(state.claims, index) === 0) n++;
          return n;
        },
        async close() {
          if (closed) return;
          closed = true;
          // What no worker has started is skipped; what one is drawing finishes and is dropped.
          for (const [index, p] of state.pending) {
            Atomics.compareExchange(state.claims, index, 0, 2);
            release(p);
            p.reject(exportCancelled());
          }
          state.pending.clear();
          sessions.delete(id);
          if (alive) for (const w of workers) w.postMessage({ type: 'end', session: id } satisfies FigureWorkerMessage);
          if (sessions.size === 0) busy(false);
        },
      };
    },
  };
}

let shared: FigurePool | null = null;

/** The process's warm pool for this worker bundle, started (with `size()` workers) if there is none. */
export function warmPool(path: string, size: () => number): FigurePool | null {
  if (shared && shared.alive && shared.path === path) return shared;
  if (shared?.alive) void shared.stop();
  const n = size();
  shared = n > 0 ? figurePool(path, n) : null;
  return shared;
}

/** Stops the warm pool now (e.g. when the app quits). */
export async function stopWarmPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.stop();
}
