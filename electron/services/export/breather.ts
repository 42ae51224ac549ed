/**
 * A long run of promise-chained work on this thread (drawing charts: vega resolves through
 * microtasks only) never lets the event loop reach its I/O phase, so nothing finished off-thread is
 * taken in until it ends: PNG fallbacks rasterised on libuv's pool sat done but unclaimed (and the
 * next ones unstarted) for the whole of a 300-chart export, then ran after it. Call the returned
 * function between units of work: at most every `ms` it waits for one turn of the event loop.
 */
export function breather(ms = 10): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
