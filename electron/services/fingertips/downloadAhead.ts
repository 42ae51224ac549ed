/**
 * Runs `start(item)` for each item with at most `ahead` running at once, and hands the results back
 * strictly in the items' order (`for await`), so downloads overlap while the caller still reads one
 * answer at a time. If the caller stops early, or one start fails, the shared signal aborts the rest;
 * no rejection is ever left unhandled.
 */
export async function* downloadAhead<T, R>(
  items: readonly T[],
  ahead: number,
  start: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal,
): AsyncGenerator<R> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const running: Promise<R>[] = [];
  let next = 0;
  // The first failure is the one to report: the others may only be the abort it caused.
  let failed: { error: unknown } | null = null;
  const launch = () => {
    while (next < items.length && running.length < ahead) {
      const i = next++;
      const p = start(items[i]!, i, controller.signal);
      p.catch((error: unknown) => {
        failed ??= { error };
        controller.abort();
      });
      running.push(p);
    }
  };
  try {
    launch();
    while (running.length > 0) {
      const result = await running.shift()!.catch((error: unknown) => {
        throw failed && !signal?.aborted ? failed.error : error;
      });
      launch();
      yield result;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (running.length > 0) {
      controller.abort();
      await Promise.allSettled(running);
    }
  }
}
