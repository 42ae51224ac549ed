import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `JSNA_RELIABILITY=full` (npm run test:reliability) runs the full counts; npm test runs the bounded ones. */
export const FULL = process.env.JSNA_RELIABILITY === 'full';

export function count(bounded: number, full: number): number {
  return FULL ? full : bounded;
}

/** A generous timeout for a test whose length grows with its count. */
export function timeoutFor(n: number, msEach: number): number {
  return Math.max(30_000, n * msEach + 20_000);
}

export interface Figure {
  tried: number;
  failed: number;
  lost: number;
  note?: string;
}

/** Prints one line per item ("reliability: <item>: tried N, failed N, lost N") and keeps it in test-results/reliability.txt. */
export function reportFigure(item: string, f: Figure): void {
  const line = `reliability (${FULL ? 'full' : 'bounded'}): ${item}: tried ${f.tried}, failed ${f.failed}, lost ${f.lost}${f.note ? ` (${f.note})` : ''}`;
  console.log(line);
  try {
    const dir = resolve(__dirname, '..', '..', 'test-results');
    mkdirSync(dir, { recursive: true });
    appendFileSync(join(dir, 'reliability.txt'), `${new Date().toISOString()} ${line}\n`);
  } catch {
    /* the figure is printed anyway */
  }
}
