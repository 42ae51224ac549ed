import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../../shared/api/errors';
import type { TextFileFacts, TextFileToRead } from '../text/decodeText';
import { ReadAgainKnowingEncoding } from '../text/readTextOnce';
import type { DataFormat, RowSink } from './readDataFile';
import { type RowBatch, RowDecoder } from './rowBatch';

export type WorkerMessage =
  | { type: 'rows'; batch: RowBatch; fingertips: boolean; givesCIs: boolean; bytesRead: number }
  | { type: 'done'; facts: TextFileFacts }
  | { type: 'read-again' }
  | { type: 'error'; error: ErrorPayload };

export const IMPORT_WORKER_FILE = 'libraryImportWorker.cjs';

/**
 * The bundled import worker beside this code (dist/electron/ in the app and CLI), unless turned off
 * (`JSNA_IMPORT_WORKER=0`) or pointed elsewhere (`JSNA_IMPORT_WORKER=<path>`, `worker` option).
 * Null — read on the main thread — when there is none (e.g. running the TypeScript sources in tests).
 */
export function importWorkerPath(option?: string | false): string | null {
  const env = process.env.JSNA_IMPORT_WORKER;
  if (option === false || env === '0') return null;
  const path = option ?? (env || join(__dirname, IMPORT_WORKER_FILE));
  return existsSync(path) ? path : null;
}

/** The worker could not run at all (not a problem with the file): read on the main thread instead. */
export class WorkerUnavailable extends Error {}

/**
 * Reads one data file in the import worker, handing its rows to `sink` on this thread, in order;
 * `afterChunk` is awaited after each batch (progress, cancelling). Rejects with the file's first
 * problem (as {@link readDataFile} would), with what `sink` or `afterChunk` throws, or with
 * {@link WorkerUnavailable} when the worker failed before it read anything. Resolves with the
 * file's facts (sha256, encoding), learnt as it was read. Rows reach `sink` only once `before` has
 * settled (the worker reads meanwhile, as far as its batches in flight allow); if it rejects, so does this.
 */
export function readDataFileInWorker(
  workerPath: string,
  facts: TextFileFacts | TextFileToRead,
  format: DataFormat | undefined,
  sink: RowSink,
  afterChunk: () => Promise<void> | void,
  before: Promise<unknown> = Promise.resolve(),
): Promise<TextFileFacts> {
  // A bounded young generation: the worker's garbage is short-lived, and peak memory is a goal
  // (< 300 MB). At 8 MB the worker spent ~0.8 s of a 1M-row import in scavenges, at 32 MB ~0.25 s,
  // for about the same peak RSS (the import's 128 MB page cache is most of it).
  const worker = new Worker(workerPath, { workerData: { facts, format }, resourceLimits: { maxYoungGenerationSizeMb: 32 } });
  let heard = false;
  let settled = false;
  let read: TextFileFacts | null = null;
  const rows = new RowDecoder();
  return new Promise<TextFileFacts>((resolve, reject) => {
    const finish = (e?: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (e === undefined) resolve(read!);
      else reject(e);
    };
    let chain: Promise<unknown> = before.catch((e: unknown) => finish(e));
    worker.on('message', (m: WorkerMessage) => {
      heard = true;
      chain = chain.then(async () => {
        if (settled) return;
        try {
          if (m.type === 'rows') {
            sink(rows.decode(m.batch), m.fingertips, m.bytesRead, m.givesCIs);
            await afterChunk();
            worker.postMessage({ type: 'ack' });
          } else if (m.type === 'done') {
            read = m.facts;
            finish();
          } else if (m.type === 'read-again') finish(new ReadAgainKnowingEncoding(facts.name));
          else finish(AppError.fromPayload(m.error));
        } catch (e) {
          finish(e);
        }
      });
    });
    worker.on('error', (e) => finish(heard ? e : new WorkerUnavailable(`the import worker did not start: ${e.message}`)));
    worker.on('exit', (code) => {
      // After 'done' or an error the promise is settled already; an exit before that is a crash.
      void chain.then(() => finish(heard ? new Error(`the import worker stopped (exit code ${code})`) : new WorkerUnavailable(`the import worker exited (code ${code})`)));
    });
  });
}
