/**
 * The export's figure worker (bundled as dist/electron/exportFigureWorker.cjs): draws figure images
 * for svgDrawer.ts's pool — vega headless to SVG, labelled, sanitised — with the same code as the
 * main thread (drawSvg), one job at a time, in the order they come.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { drawSvg, type SvgJob, type SvgWorkerReply } from './svgDrawer';

const port = parentPort!;
let queue = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: SvgJob }) => {
  queue = queue.then(async () => {
    let reply: SvgWorkerReply;
    try {
      reply = { id, ok: true, result: await drawSvg(job) };
    } catch (e) {
      reply = { id, ok: false, error: e instanceof AppError ? e.toPayload() : { message: (e as Error).message ?? String(e) } };
    }
    port.postMessage(reply);
  });
});
