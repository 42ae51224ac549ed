/**
 * The import worker (bundled as dist/electron/libraryImportWorker.cjs): reads and checks one data
 * file on its own thread — decoding, tokenizing, every field's checks — and posts the rows in
 * batches to the main thread, which only writes them. At most {@link MAX_IN_FLIGHT} batches wait
 * unwritten, so memory stays flat whatever the file's size.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import type { TextFileFacts } from '../text/decodeText';
import { type DataFormat, readDataFile } from './readDataFile';
import { encodeRows } from './rowBatch';
import type { WorkerMessage } from './workerImport';

const MAX_IN_FLIGHT = 2;

const port = parentPort!;
const { facts, format } = workerData as { facts: TextFileFacts; format: DataFormat | undefined };
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (m: { type: 'ack' }) => {
  if (m.type !== 'ack') return;
  inFlight--;
  wake?.();
  wake = null;
});
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

readDataFile(
  facts,
  format,
  (rows, fingertips, bytesRead) => {
    const batch = encodeRows(rows);
    inFlight++;
    post({ type: 'rows', batch, fingertips, bytesRead }, [batch.numbers.buffer as ArrayBuffer, batch.text.buffer as ArrayBuffer]);
  },
  async () => {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  },
).then(
  () => post({ type: 'done' }),
  (e: unknown) =>
    post({
      type: 'error',
      error: e instanceof AppError ? e.toPayload() : { code: 'INTERNAL', message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    }),
);
