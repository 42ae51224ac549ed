import { describe, expect, it } from 'vitest';
import { downloadAhead } from '../../../../electron/services/fingertips/downloadAhead';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('aborted'));
    });
  });

describe('downloadAhead', () => {
  it('keeps at most N running and hands results back in order, however they finish', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const got: string[] = [];
    const delays = [30, 5, 20, 1, 10, 2];
    for await (const r of downloadAhead(delays, 3, async (ms, i) => {
      started.push(i);
      most = Math.max(most, ++running);
      await sleep(ms);
      running--;
      return `r${i}`;
    })) got.push(r);
    expect(got).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reports the failure itself, not the abort it caused in the others, and stops the rest', async () => {
    const aborted: number[] = [];
    const run = async () => {
      for await (const _ of downloadAhead([0, 1, 2, 3], 2, async (_x, i, signal) => {
        signal.addEventListener('abort', () => aborted.push(i));
        if (i === 1) {
          await sleep(5);
          throw new Error('Fingertips could not be reached');
        }
        await sleep(200, signal);
        return i;
      }));
    };
    await expect(run()).rejects.toThrow('Fingertips could not be reached');
    expect(aborted).toContain(0);
    expect(aborted).not.toContain(2);
  });

  it("the caller's cancel, or leaving the loop early, aborts what is still running", async () => {
    const cancel = new AbortController();
    let abortedInside = 0;
    const work = async (_x: number, _i: number, signal: AbortSignal) => {
      await sleep(50, signal).catch((e: unknown) => {
        abortedInside++;
        throw e;
      });
      return 1;
    };
    setTimeout(() => cancel.abort(), 5);
    await expect((async () => {
      for await (const _ of downloadAhead([1, 2, 3], 3, work, cancel.signal));
    })()).rejects.toThrow('aborted');
    expect(abortedInside).toBe(3);

    abortedInside = 0;
    for await (const _ of downloadAhead([1, 2, 3], 3, work)) break;
    expect(abortedInside).toBe(2);
  });
});
