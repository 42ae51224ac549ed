import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';

export interface Migration {
  /** e.g. "001_init" — the order of the list is the order of application. */
  name: string;
  sql: string;
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
) STRICT`;

export function appliedMigrations(db: Database.Database): string[] {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'`).get();
  if (!exists) return [];
  return (db.prepare('SELECT name FROM schema_migrations ORDER BY rowid').all() as { name: string }[]).map((r) => r.name);
}

/**
 * Checks that what the file has applied is a prefix of what this app knows. A file from a newer
 * app (or with a different history) is refused and left untouched.
 */
export function pendingMigrations(applied: string[], known: Migration[], file: string): Migration[] {
  if (applied.length > known.length) {
    throw new AppError(
      'NEWER_VERSION',
      `${file} was saved by a newer version of JSNA Studio (schema ${applied.length}, this app knows ${known.length}). Update JSNA Studio to open it; the file has not been changed.`,
      { file },
    );
  }
  applied.forEach((name, i) => {
    if (known[i]!.name !== name) {
      throw new AppError(
        'NEWER_VERSION',
        `${file} has schema change "${name}" where this app expects "${known[i]!.name}"; it was made by a different version of JSNA Studio. The file has not been changed.`,
        { file },
      );
    }
  });
  return known.slice(applied.length);
}

/** Applies every pending migration in one transaction, and sets user_version to the schema count. */
export function migrate(db: Database.Database, known: Migration[], file: string): number {
  const pending = pendingMigrations(appliedMigrations(db), known, file);
  if (pending.length === 0) return 0;
  const run = db.transaction(() => {
    db.exec(BOOKKEEPING);
    const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${known.length}`);
  });
  run.immediate();
  return pending.length;
}
