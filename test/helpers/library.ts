import type Database from 'better-sqlite3';
import { openLibrary } from '../../electron/services/library/openLibrary';

/** Opens an indicator library read-only, reads it with `read`, and closes it. */
export function readLibrary<T>(path: string, read: (db: Database.Database) => T): T {
  const l = openLibrary(path, { readOnly: true });
  try {
    return read(l.db);
  } finally {
    l.close();
  }
}
