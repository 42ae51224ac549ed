import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ProjectInfo } from '../../../shared/api/project';
import { withBackupOffer } from '../backup/backupOffer';
import { acquireLock, type ProjectLock } from '../db/lockFile';
import { closeDatabase, createDatabase, type OpenedDatabase, openDatabase } from '../db/openDatabase';
import { projectKind } from '../db/kinds';
import { defaultLibraryPath } from '../paths';
import { defaultPartners } from '../../../shared/partners/defaultPartners';

/** An open `.jsna` project file. Writers hold its lock; readers never write. */
export class Project {
  private closed = false;
  constructor(
    private readonly opened: OpenedDatabase,
    private readonly lock: ProjectLock | null,
  ) {}

  get db(): Database.Database {
    if (this.closed) throw new AppError('NO_PROJECT', 'The project has been closed.');
    return this.opened.db;
  }
  get path(): string {
    return this.opened.path;
  }
  get readOnly(): boolean {
    return this.opened.readOnly;
  }

  assertWritable(): void {
    if (this.readOnly) {
      throw new AppError('READ_ONLY', `${this.path} is open read-only; changes cannot be saved.`, { file: this.path });
    }
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM project_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.assertWritable();
    this.db
      .prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  get libraryPath(): string {
    return this.getMeta('library_path') ?? defaultLibraryPath();
  }

  /** The chapter edited last (a project setting), which the app opens on when the project is reopened. */
  get lastChapterId(): string | null {
    return this.getMeta('last_chapter') ?? null;
  }

  /** Remembers the chapter just saved as the last edited one; a read-only project is left as it is. */
  rememberLastChapter(id: string): void {
    if (!this.readOnly && this.lastChapterId !== id) this.setMeta('last_chapter', id);
  }

  info(): ProjectInfo {
    return {
      path: this.path,
      title: this.getMeta('title') ?? '',
      lastChapterId: this.lastChapterId,
      readOnly: this.readOnly,
      libraryPath: this.libraryPath,
      journalMode: this.opened.journalMode,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeDatabase(this.opened);
    } finally {
      this.lock?.release();
    }
  }
}

export function createProject(path: string, title: string): Project {
  const opened = createDatabase(projectKind, path);
  let lock: ProjectLock;
  try {
    lock = acquireLock(opened.path);
  } catch (e) {
    opened.db.close();
    throw e;
  }
  const project = new Project(opened, lock);
  const now = new Date().toISOString();
  project.db.transaction(() => {
    project.setMeta('title', title);
    project.setMeta('created_at', now);
    const insert = project.db.prepare('INSERT INTO partners (code, name, type, successor, position) VALUES (?, ?, ?, NULL, ?)');
    const partners = defaultPartners();
    partners.forEach((p, i) => insert.run(p.code, p.name, p.type, i + 1));
    const setSuccessor = project.db.prepare('UPDATE partners SET successor = ? WHERE code = ?');
    for (const p of partners) if (p.successor) setSuccessor.run(p.successor, p.code);
  })();
  return project;
}

/**
 * Opens a project. For editing, the project's lock must be free (else a LOCKED error says who has
 * it); read-only opens take no lock and never write.
 */
export function openProject(path: string, opts: { readOnly?: boolean } = {}): Project {
  try {
    return openProjectFile(path, opts.readOnly ?? false);
  } catch (e) {
    throw withBackupOffer(e, resolve(path));
  }
}

function openProjectFile(path: string, readOnly: boolean): Project {
  if (readOnly) return new Project(openDatabase(projectKind, path, { readOnly: true }), null);
  // Check the file is a project before creating a lock file beside it.
  const opened = openDatabase(projectKind, path, { readOnly: true });
  opened.db.close();
  const lock = acquireLock(opened.path);
  try {
    return new Project(openDatabase(projectKind, path), lock);
  } catch (e) {
    lock.release();
    throw e;
  }
}
