import { existsSync, rmSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import type { FileKind } from './fileKind';

/** SQLite's own words for a file it cannot read as a database. */
const DAMAGE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_SHORT_READ'];

export function isDamageError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && DAMAGE_CODES.some((c) => code.startsWith(c));
}

export function damagedError(kind: FileKind, path: string, why: string): AppError {
  return new AppError(
    'DAMAGED',
    `${path} is damaged and cannot be opened as ${kind.label} (${why}). The file has not been changed.`,
    { file: path },
  );
}

const SIDECARS = ['-wal', '-shm', '-journal'] as const;

/**
 * Which of a database's companion files exist now, so that whatever SQLite creates while we open
 * (and then give up on) a file can be removed again: no empty -wal/-shm left beside the user's file.
 */
export function sidecarSnapshot(path: string): () => void {
  const before = new Set(SIDECARS.filter((s) => existsSync(path + s)));
  return () => {
    for (const s of SIDECARS) {
      if (before.has(s)) continue;
      const file = path + s;
      try {
        // Only what we made and left empty (-shm is an index SQLite rebuilds; never a WAL with frames).
        if (s === '-shm' || statSync(file).size === 0) rmSync(file, { force: true });
      } catch {
        /* not there */
      }
    }
  };
}
