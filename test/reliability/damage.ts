import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** The ways a project file gets damaged on disk, as the tests make them. */
export function truncate(path: string, bytes = 50_000): void {
  writeFileSync(path, readFileSync(path).subarray(0, Math.min(bytes, Math.floor(statSync(path).size / 2))));
}

/** Overwrites one page (not the first, whose header would make it "not SQLite") with zeros. */
export function zeroPage(path: string, page = 2, pageSize = 4096): void {
  const buf = readFileSync(path);
  buf.fill(0, (page - 1) * pageSize, page * pageSize);
  writeFileSync(path, buf);
}

export function makeEmpty(path: string): void {
  writeFileSync(path, '');
}

export function removeWal(path: string): void {
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
}
