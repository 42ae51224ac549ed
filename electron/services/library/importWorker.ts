/**
 * The import worker (bundled as dist/electron/libraryImportWorker.cjs): reads and checks one data
 * file on its own thread — decoding, tokenizing, every field's checks — and posts the rows in
 * batches to the main thread, which only writes them. At most {@link MAX_IN_FLIGHT} batches wait
 * unwritten, so memory stays flat whatever the file's size.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import type { TextFileFacts, TextFileToRead } from '../text/decodeText';
import { ReadAgainKnowingEncoding } from '../text/readTextOnce';
import { type DataFormat, readDataFile } from './readDataFile';
import { RowBatcher } from './rowBatch';
import type { WorkerMessage } from './workerImport';

/** Batches (of 4,096 rows) posted but not yet written by the main thread. */
const MAX_IN_FLIGHT = 4;
/** The file's first rows go as soon as there are this many, so the main thread starts writing while this thread warms up. */
const FIRST_BATCH = 256;

const port = parentPort!;
const { facts, format } = workerData as { facts: TextFileFacts | TextFileToRead; format: DataFormat | undefined };
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (m: { type: 'ack' }) => {
  if (m.type !== 'ack') return;
  inFlight--;
  wake?.();
  wake = null;
});
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

const batcher = new RowBatcher();
let fingertipsFile = true;
let givesCIs = true;
let bytes = 0;
let sentAny = false;
const send = () => {
  sentAny = true;
  const batch = batcher.take();
  inFlight++;
  post({ type: 'rows', batch, fingertips: fingertipsFile, givesCIs, bytesRead: bytes }, [batch.numbers.buffer as ArrayBuffer, batch.text.buffer as ArrayBuffer]);
};

readDataFile(
  facts,
  format,
  (rows, fingertips, bytesRead, cis) => {
    fingertipsFile = fingertips;
    givesCIs = cis;
    bytes = bytesRead;
    for (let i = 0; i < rows.length; i++) if (batcher.add(rows[i]!)) send();
    if (!sentAny && batcher.length >= FIRST_BATCH) send();
  },
  async () => {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  },
).then(
  (read) => {
    if (batcher.length > 0) send();
    post({ type: 'done', facts: read });
  },
  (e: unknown) => {
    // Rows before the problem go first: the main thread may find an earlier one while writing them.
    if (batcher.length > 0) send();
    if (e instanceof ReadAgainKnowingEncoding) return post({ type: 'read-again' });
    post({
      type: 'error',
      error: e instanceof AppError ? e.toPayload() : { code: 'INTERNAL', message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    });
  },
);
