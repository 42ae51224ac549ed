import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The sha256 of the file at `path` without its bytes [from, to) (where a seal sits in a file that
 * carries its own hash), read a chunk at a time so the file's size does not matter.
 */
export function sha256Without(path: string, from: number, to: number): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let pos = 0; ; ) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) break;
      // The part of this chunk outside [from, to).
      const a = Math.max(0, Math.min(n, from - pos));
      const b = Math.max(0, Math.min(n, to - pos));
      hash.update(chunk.subarray(0, a));
      hash.update(chunk.subarray(b, n));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
