import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { libraryKind } from '../db/kinds';
import { buildNewFile } from '../db/buildNewFile';
import { closeDatabase, createDatabase, type OpenedDatabase, openDatabase } from '../db/openDatabase';

/** An open indicator library file (`.jsnalib`). */
export class Library {
  private closed = false;
  constructor(private readonly opened: OpenedDatabase) {}

  get db(): Database.Database {
    if (this.closed) throw new AppError('NOT_FOUND', 'The indicator library has been closed.');
    return this.opened.db;
  }
  get path(): string {
    return this.opened.path;
  }
  get readOnly(): boolean {
    return this.opened.readOnly;
  }
  get journalMode(): 'wal' | 'delete' {
    return this.opened.journalMode;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeDatabase(this.opened);
  }
}

export interface OpenLibraryOptions {
  /** Create the library when the file does not exist (default true; never with readOnly). */
  create?: boolean;
  /** Also create its folder (for the default library in the user's data folder). */
  createFolder?: boolean;
  readOnly?: boolean;
}

/** Opens a library, or creates an empty one if it is missing. Any other file is refused unchanged. */
export function openLibrary(rawPath: string, opts: OpenLibraryOptions = {}): Library {
  const path = resolve(rawPath);
  const readOnly = opts.readOnly ?? false;
  if (!readOnly && (opts.create ?? true) && !existsSync(path)) {
    if (opts.createFolder) mkdirSync(dirname(path), { recursive: true });
    const opened = createDatabase(libraryKind, path);
    markCreated(opened);
    return new Library(opened);
  }
  return new Library(openDatabase(libraryKind, path, { readOnly }));
}

function markCreated(opened: OpenedDatabase): void {
  opened.db.prepare('INSERT INTO library_meta (key, value) VALUES (?, ?)').run('created_at', new Date().toISOString());
}

/**
 * A library that does not exist yet, built in one go beside `rawPath` (see buildNewFile): nothing
 * is under its name until `complete()` puts the finished file there; `abandon()` leaves nothing.
 */
export function buildNewLibrary(rawPath: string, opts: { createFolder?: boolean } = {}): { library: Library; complete(): void; abandon(): void } {
  const path = resolve(rawPath);
  if (opts.createFolder) mkdirSync(dirname(path), { recursive: true });
  const build = buildNewFile(libraryKind, path);
  try {
    markCreated(build.opened);
  } catch (e) {
    build.abandon();
    throw e;
  }
  const library = new Library(build.opened);
  return {
    library,
    // The build closes the connection itself (a closed connection closes again as a no-op).
    complete: () => {
      try {
        build.complete();
      } finally {
        library.close();
      }
    },
    abandon: () => {
      build.abandon();
      library.close();
    },
  };
}
