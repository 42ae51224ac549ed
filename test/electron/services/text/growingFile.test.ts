import { basename, join } from 'node:path';
import type { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DownloadRestarted, followFile, GrowingFile, whenWritten } from '../../../../electron/services/text/growingFile';
import { useTempDir } from '../../../helpers/tmp';

const write = (w: Writable, s: string) => new Promise<void>((ok, bad) => w.write(s, (e) => (e ? bad(e) : ok())));
const end = (w: Writable) => new Promise<void>((ok) => w.end(ok));
const tick = () => new Promise((r) => setTimeout(r, 5));

/** Reads the followed file to its end into a string. */
async function readAll(g: GrowingFile, chunk = 4): Promise<string> {
  let text = '';
  for await (const b of followFile(g.path, basename(g.path), g.shared, chunk)) text += b.toString();
  return text;
}

describe('a file read as it is written (growingFile)', () => {
  const tmp = useTempDir();

  it('hands on the bytes once they are in the file (written in steps of 256 KB), and ends when the file is complete', async () => {
    const g = new GrowingFile(join(tmp(), 'a.csv'));
    const big = 'a'.repeat(300 * 1024);
    let seen = '';
    let ended = false;
    const reading = (async () => {
      for await (const b of followFile(g.path, 'a.csv', g.shared, 32 * 1024)) {
        expect(b.length).toBeLessThanOrEqual(32 * 1024);
        seen += b.toString();
      }
      ended = true;
    })();
    const w = g.open();
    await write(w, big);
    // The reader has what was written before the file is complete, and waits for more.
    await expect.poll(() => seen.length).toBe(big.length);
    await tick();
    expect(ended).toBe(false);
    // What is left under 256 KB goes to the file at the end.
    await write(w, 'gh');
    await end(w);
    g.complete();
    await reading;
    expect(seen).toBe(`${big}gh`);
    await expect(whenWritten(g.shared, 'a.csv')).resolves.toBeUndefined();
  });

  it('a reader that starts after the writer has finished reads it all', async () => {
    const g = new GrowingFile(join(tmp(), 'b.csv'));
    const w = g.open();
    await write(w, 'x'.repeat(1000));
    await end(w);
    g.complete();
    expect(await readAll(g, 64)).toBe('x'.repeat(1000));
  });

  it('an empty complete file ends at once', async () => {
    const g = new GrowingFile(join(tmp(), 'e.csv'));
    g.complete();
    expect(await readAll(g)).toBe('');
  });

  it('a failed download stops the reader and whoever waits for the whole file', async () => {
    const g = new GrowingFile(join(tmp(), 'c.csv'));
    const reading = readAll(g);
    const waiting = whenWritten(g.shared, 'c.csv');
    // Both are awaited below, after the failure.
    reading.catch(() => undefined);
    waiting.catch(() => undefined);
    const w = g.open();
    await write(w, 'part');
    await tick();
    g.fail();
    w.destroy();
    await expect(reading).rejects.toThrow('c.csv: the download stopped before the end; your library is unchanged.');
    await expect(waiting).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });

  it('a download started again after the reader had some bytes: the reader must read again (DownloadRestarted)', async () => {
    const g = new GrowingFile(join(tmp(), 'd.csv'));
    let seen = '';
    const reading = (async () => {
      for await (const b of followFile(g.path, 'd.csv', g.shared, 4)) seen += b.toString();
    })();
    reading.catch(() => undefined);
    const first = g.open();
    await write(first, 'first attempt '.repeat(20_000));
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    first.destroy();
    const second = g.open();
    await write(second, 'second');
    await end(second);
    g.complete();
    await expect(reading).rejects.toBeInstanceOf(DownloadRestarted);
    // Read again once written, the file is the second attempt's alone.
    await whenWritten(g.shared, 'd.csv');
    expect(await readAll(g)).toBe('second');
  });

  it('a download started again before the reader read anything: the reader just follows the new attempt', async () => {
    const g = new GrowingFile(join(tmp(), 'f.csv'));
    const first = g.open();
    first.destroy();
    const reading = readAll(g);
    const second = g.open();
    await write(second, 'only this');
    await end(second);
    g.complete();
    expect(await reading).toBe('only this');
  });
});
