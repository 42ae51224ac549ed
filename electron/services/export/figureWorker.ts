/**
 * The export's figure worker (bundled as dist/electron/exportFigureWorker.cjs): draws figure images
 * for figurePool.ts — vega headless to SVG, labelled, sanitised — with the same code as the main
 * thread (drawSvg), one job at a time, in the order they come. Before drawing a job it claims it in
 * its export's (session's) claim flags; a job the main thread has taken over, or whose export was
 * cancelled, is skipped.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import type { FigureWorkerMessage, SvgWorkerReply } from './figurePool';
import { drawSvg } from './svgDrawer';

const port = parentPort!;
const claims = new Map<number, Int32Array>();
let queue = Promise.resolve();
port.on('message', (m: FigureWorkerMessage) => {
  queue = queue.then(async () => {
    if (m.type === 'session') return void claims.set(m.session, new Int32Array(m.claims));
    if (m.type === 'end') return void claims.delete(m.session);
    const { session, index, job } = m;
    const flags = claims.get(session);
    if (!flags || Atomics.compareExchange(flags, index, 0, 1) !== 0) {
      port.postMessage({ session, index, ok: 'skipped' } satisfies SvgWorkerReply);
      return;
    }
    let reply: SvgWorkerReply;
    try {
      reply = { session, index, ok: true, result: await drawSvg(job) };
    } catch (e) {
      reply = { session, index, ok: false, error: e instanceof AppError ? e.toPayload() : { message: (e as Error).message ?? String(e) } };
    }
    port.postMessage(reply);
  });
});
