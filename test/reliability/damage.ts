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

/**
 * A WAL deleted after a checkpoint was cut short: the edits' frames were in the WAL, the checkpoint
 * had copied only some of them into the database file, and then the WAL (holding the rest) was lost.
 * The file mixes pages from before and after the edits. `edit` makes the edits on a raw connection.
 */
export function walLostMidCheckpoint(path: string, edit: (db: import('better-sqlite3').Database) => void): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const before = readFileSync(path);
  db.pragma('wal_autocheckpoint = 0');
  edit(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const after = readFileSync(path);
  const pageSize = after.readUInt16BE(16) === 1 ? 65536 : after.readUInt16BE(16);
  const mixed = Buffer.from(after);
  // Pages 2, 4, 6 … of the old file: the checkpoint had not reached them.
  for (let page = 2; page * pageSize <= Math.min(before.length, after.length); page += 2) {
    before.copy(mixed, (page - 1) * pageSize, (page - 1) * pageSize, page * pageSize);
  }
  writeFileSync(path, mixed);
  removeWal(path);
}
