import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { libraryKind, PROJECT_APPLICATION_ID, projectKind } from '../../../../electron/services/db/kinds';
import { createDatabase, openDatabase } from '../../../../electron/services/db/openDatabase';
import { sha256 } from '../../../helpers/files';
import { useTempDir } from '../../../helpers/tmp';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return `${(e as AppError).code}: ${(e as AppError).message}`;
  }
  throw new Error('expected an error');
}

describe('project database files', () => {
  const tmp = useTempDir();

  it('creates a project with its application id, WAL, synchronous=FULL and foreign keys', () => {
    const path = join(tmp(), 'a.jsna');
    createDatabase(projectKind, path).db.close();
    const { db, journalMode } = openDatabase(projectKind, path);
    expect(db.pragma('application_id', { simple: true })).toBe(PROJECT_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(projectKind.migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(journalMode).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('makes a new library with 8 KB pages (a project keeps 4 KB), built beside its name or not', () => {
    const project = join(tmp(), 'p.jsna');
    createDatabase(projectKind, project).db.close();
    const library = join(tmp(), 'l.jsnalib');
    createDatabase(libraryKind, library).db.close();
    const built = join(tmp(), 'b.jsnalib');
    createDatabase(libraryKind, built, { building: { journalMode: 'wal' } }).db.close();
    const pageSize = (path: string) => readFileSync(path).readUInt16BE(16);
    expect([pageSize(project), pageSize(library), pageSize(built)]).toEqual([4096, 8192, 8192]);
  });

  it('uses the rollback journal when told the file is on a network drive', () => {
    const path = join(tmp(), 'net.jsna');
    process.env.JSNA_JOURNAL_MODE = 'delete';
    try {
      createDatabase(projectKind, path).db.close();
      const { db } = openDatabase(projectKind, path);
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      db.close();
    } finally {
      delete process.env.JSNA_JOURNAL_MODE;
    }
  });

  it('refuses a text file and leaves it byte-identical', () => {
    const path = join(tmp(), 'notes.txt');
    writeFileSync(path, 'Dear colleagues,\nplease find the JSNA attached.\n'.repeat(10));
    const before = sha256(path);
    expect(codeOf(() => openDatabase(projectKind, path))).toMatch(/^NOT_A_PROJECT: .*notes\.txt is not a JSNA project: it is not a SQLite database/);
    expect(sha256(path)).toBe(before);
  });

  it("refuses another application's SQLite file and leaves it byte-identical", () => {
    const path = join(tmp(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = sha256(path);
    expect(codeOf(() => openDatabase(projectKind, path))).toMatch(/^NOT_A_PROJECT: .*other\.db is not a JSNA project: it is a SQLite database made by another application/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a project from a newer version, unchanged', () => {
    const path = join(tmp(), 'new.jsna');
    createDatabase(projectKind, path).db.close();
    const db = new Database(path);
    db.pragma(`user_version = ${projectKind.migrations.length + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha256(path);
    expect(codeOf(() => openDatabase(projectKind, path))).toMatch(/^NEWER_VERSION: .*newer version of JSNA Studio/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses empty files, folders and missing files clearly', () => {
    const empty = join(tmp(), 'empty.jsna');
    writeFileSync(empty, '');
    expect(codeOf(() => openDatabase(projectKind, empty))).toMatch(/^NOT_A_PROJECT: .*it is empty/);
    expect(codeOf(() => openDatabase(projectKind, tmp()))).toMatch(/^BAD_INPUT: .*is a folder/);
    expect(codeOf(() => openDatabase(projectKind, join(tmp(), 'nope.jsna')))).toMatch(/^NOT_FOUND: .*nope\.jsna: no such file/);
  });

  it('never overwrites an existing file when creating', () => {
    const path = join(tmp(), 'keep.txt');
    writeFileSync(path, 'precious');
    expect(codeOf(() => createDatabase(projectKind, path))).toMatch(/^BAD_INPUT: .*already exists/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });
});
