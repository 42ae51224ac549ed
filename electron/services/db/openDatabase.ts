import { existsSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { damagedError, isDamageError, sidecarSnapshot } from './damage';
import type { FileKind } from './fileKind';
import { readFileHeader } from './fileHeader';
import { chooseJournalMode, type JournalMode, parseProcMounts } from './journalMode';
import { migrate } from './migrate';
import { getNativeBinding } from './nativeBinding';

export interface OpenedDatabase {
  db: Database.Database;
  path: string;
  journalMode: JournalMode;
  readOnly: boolean;
}

const WAL_SIDECARS = ['-wal', '-shm'] as const;

/**
 * Closes a connection opened by openDatabase. A read-only connection to a WAL file makes an empty
 * -wal and a -shm beside it and, unable to write, cannot remove them when it closes (the last
 * read-write connection to close does). So when they are there and the -wal is empty, a read-write
 * connection is opened for one read and closed: SQLite's own close then deletes both, but only if it
 * gets the file's EXCLUSIVE lock, i.e. no other connection in any process has the file open (each
 * holds a SHARED lock while it does); otherwise it leaves them, as it must. An empty -wal has nothing
 * to checkpoint, so the file itself is not written (its bytes and time stay); a -wal with frames (a
 * writer's, or one that crashed) is left for a writer to recover. Local disks only (WAL mode); where
 * the file cannot be opened for writing the files stay, as before.
 */
export function closeDatabase(opened: OpenedDatabase): void {
  opened.db.close();
  if (!opened.readOnly || opened.journalMode !== 'wal') return;
  if (!WAL_SIDECARS.some((s) => existsSync(opened.path + s))) return;
  // A rollback journal (a file last written in DELETE mode) would be rolled back by a writer's open: not ours to do.
  if (existsSync(opened.path + '-journal')) return;
  try {
    if (statSync(opened.path + '-wal').size !== 0) return;
  } catch {
    /* no -wal: only the -shm to tidy */
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(opened.path, { fileMustExist: true, nativeBinding: getNativeBinding() });
    db.pragma('busy_timeout = 0');
    db.pragma('schema_version', { simple: true });
  } catch {
    /* not writable, or busy: the files stay, as SQLite left them */
  } finally {
    try {
      db?.close();
    } catch {
      /* as above */
    }
  }
}

function readMounts() {
  try {
    return parseProcMounts(readFileSync('/proc/mounts', 'utf8'));
  } catch {
    return [];
  }
}

export function journalModeFor(path: string): JournalMode {
  let real = path;
  try {
    real = realpathSync(existsSync(path) ? path : dirname(path));
  } catch {
    /* keep the given path */
  }
  return chooseJournalMode({
    path: real,
    platform: process.platform,
    mounts: process.platform === 'linux' ? readMounts() : [],
    override: process.env.JSNA_JOURNAL_MODE,
  });
}

/** The settings a connection writing `mode` keeps (also for a file built in one go, once complete). */
export function settleJournal(db: Database.Database, mode: JournalMode): void {
  db.pragma(`journal_mode = ${mode === 'wal' ? 'WAL' : 'DELETE'}`);
  db.pragma('synchronous = FULL');
}

function configure(db: Database.Database, mode: JournalMode, readOnly: boolean, building = false): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (building) {
    // A file nobody else can see yet (see buildNewFile): no journal on disk, no syncs; a failure
    // deletes the file, and it is synced once and put in place (in `mode`) when complete.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
  } else if (!readOnly) settleJournal(db, mode);
}

function wrongKind(kind: FileKind, path: string, why: string): AppError {
  return new AppError(kind.wrongKindCode, `${path} is not ${kind.label}: ${why}. The file has not been changed.`, { file: path });
}

/**
 * Checks the file's header *before* SQLite opens it, so a text file, another application's SQLite
 * database or a file from a newer version is refused and left byte-identical.
 */
export function checkFileKind(kind: FileKind, path: string): void {
  const header = readFileHeader(path);
  switch (header.kind) {
    case 'missing':
      throw new AppError('NOT_FOUND', `${path}: no such file.`, { file: path });
    case 'directory':
      throw new AppError('BAD_INPUT', `${path} is a folder, not a file.`, { file: path });
    case 'empty':
      throw wrongKind(kind, path, 'it is empty');
    case 'not-sqlite':
      throw wrongKind(kind, path, 'it is not a SQLite database');
    case 'sqlite':
      if (header.applicationId !== kind.applicationId) {
        throw wrongKind(kind, path, 'it is a SQLite database made by another application');
      }
      if (header.userVersion > kind.migrations.length) {
        throw new AppError(
          'NEWER_VERSION',
          `${path} was saved by a newer version of JSNA Studio (schema ${header.userVersion}, this app knows ${kind.migrations.length}). Update JSNA Studio to open it; the file has not been changed.`,
          { file: path },
        );
      }
  }
}

export function openDatabase(kind: FileKind, rawPath: string, opts: { readOnly?: boolean } = {}): OpenedDatabase {
  const path = resolve(rawPath);
  checkFileKind(kind, path);
  const readOnly = opts.readOnly ?? false;
  const journalMode = journalModeFor(path);
  const cleanUp = sidecarSnapshot(path);
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: readOnly, fileMustExist: true, nativeBinding: getNativeBinding() });
    if (kind.checkOnOpen) quickCheck(kind, path, db);
    configure(db, journalMode, readOnly);
    if (readOnly) {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version < kind.migrations.length) {
        throw new AppError(
          'READ_ONLY',
          `${path} was made by an older version of JSNA Studio and must be upgraded before it can be read; open it for editing once to upgrade it.`,
          { file: path },
        );
      }
    } else {
      migrate(db, kind.migrations, path);
    }
  } catch (e) {
    db?.close();
    cleanUp();
    if (isDamageError(e)) throw damagedError(kind, path, `SQLite: ${(e as Error).message}`);
    throw e;
  }
  return { db, path, journalMode, readOnly };
}

/** PRAGMA quick_check before anything is written: a damaged file is reported, never "repaired" by a write. */
function quickCheck(kind: FileKind, path: string, db: Database.Database): void {
  const rows = db.pragma('quick_check(5)') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length) throw damagedError(kind, path, `integrity check: ${problems.join('; ')}`);
}

/**
 * Creates a new file of this kind. Refuses to overwrite anything that exists. `building`: for a
 * file written in one go before it is put in place under another name (see buildNewFile), the
 * journal mode is `journalMode`'s (the final name's) but not yet set.
 */
export function createDatabase(kind: FileKind, rawPath: string, opts: { building?: { journalMode: JournalMode } } = {}): OpenedDatabase {
  const path = resolve(rawPath);
  if (existsSync(path)) {
    throw new AppError('BAD_INPUT', `${path} already exists; choose another name or open it instead.`, { file: path });
  }
  if (!existsSync(dirname(path))) {
    throw new AppError('NOT_FOUND', `${dirname(path)}: no such folder.`, { file: path });
  }
  const journalMode = opts.building?.journalMode ?? journalModeFor(path);
  const db = new Database(path, { nativeBinding: getNativeBinding() });
  try {
    // Before anything is written: the page size is fixed once the file has a page.
    if (kind.pageSize) db.pragma(`page_size = ${kind.pageSize}`);
    db.pragma(`application_id = ${kind.applicationId}`);
    configure(db, journalMode, false, opts.building !== undefined);
    migrate(db, kind.migrations, path);
  } catch (e) {
    db.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
    throw e;
  }
  return { db, path, journalMode, readOnly: false };
}
