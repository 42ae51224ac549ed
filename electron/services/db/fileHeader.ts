import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** What the first 100 bytes of a file say about it, read without letting SQLite touch the file. */
export type FileHeader =
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'empty' }
  | { kind: 'not-sqlite' }
  | { kind: 'sqlite'; applicationId: number; userVersion: number };

const MAGIC = 'SQLite format 3\0';

export function readFileHeader(path: string): FileHeader {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { kind: 'directory' };
    size = st.size;
  } catch {
    return { kind: 'missing' };
  }
  if (size === 0) return { kind: 'empty' };
  if (size < 100) return { kind: 'not-sqlite' };
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.toString('latin1', 0, 16) !== MAGIC) return { kind: 'not-sqlite' };
  return { kind: 'sqlite', userVersion: buf.readInt32BE(60), applicationId: buf.readInt32BE(68) };
}
