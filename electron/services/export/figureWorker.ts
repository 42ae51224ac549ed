/**
 * The export's figure worker (bundled as dist/electron/exportFigureWorker.cjs): draws figure images
 * for svgDrawer.ts's pool — vega headless to SVG, labelled, sanitised — with the same code as the
 * main thread (drawSvg), one job at a time, in the order they come. Before drawing a job it claims
 * it; a job the main thread has taken over meanwhile is skipped.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { drawSvg, type FigureWorkerData, type SvgJob, type SvgWorkerReply } from './svgDrawer';

const port = parentPort!;
const claims = new Int32Array((workerData as FigureWorkerData).claims);
let queue = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: SvgJob }) => {
  queue = queue.then(async () => {
    if (id < claims.length && Atomics.compareExchange(claims, id, 0, 1) !== 0) {
      port.postMessage({ id, ok: 'skipped' } satisfies SvgWorkerReply);
      return;
    }
    let reply: SvgWorkerReply;
    try {
      reply = { id, ok: true, result: await drawSvg(job) };
    } catch (e) {
      reply = { id, ok: false, error: e instanceof AppError ? e.toPayload() : { message: (e as Error).message ?? String(e) } };
    }
    port.postMessage(reply);
  });
});
