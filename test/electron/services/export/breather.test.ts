import { describe, expect, it } from 'vitest';
import { breather } from '../../../../electron/services/export/breather';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('breather', () => {
  it('lets the event loop take in finished work during a long promise-chained loop', async () => {
    const run = async (breathe?: () => Promise<void>) => {
      let taken = false;
      setImmediate(() => (taken = true)); // stands for a finished PNG or a worker's reply
      let seenAt = -1;
      for (let i = 0; i < 40; i++) {
        busy(1);
        await Promise.resolve(); // vega resolves through microtasks only
        await breathe?.();
        if (taken && seenAt < 0) seenAt = i;
      }
      return seenAt;
    };
    expect(await run()).toBe(-1); // never, until the loop ends
    const seen = await run(breather(5));
    expect(seen).toBeGreaterThanOrEqual(0);
    expect(seen).toBeLessThan(15);
  });
});
