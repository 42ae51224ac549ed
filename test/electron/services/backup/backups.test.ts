import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutoBackup } from '../../../../electron/services/backup/autoBackup';
import { backupFolder, listBackups } from '../../../../electron/services/backup/backupStore';
import { restoreBackup } from '../../../../electron/services/backup/restoreBackup';
import { backupsToRemove, KEEP_DAYS, latestVerifiedBackup, takeBackup } from '../../../../electron/services/backup/takeBackup';
import { backupProblem } from '../../../../electron/services/backup/verifyBackup';
import { PROJECT_APPLICATION_ID } from '../../../../electron/services/db/kinds';
import { addChapter, listChapters } from '../../../../electron/services/documents/chapters';
import { createProject, openProject } from '../../../../electron/services/project/project';
import { Session } from '../../../../electron/services/rpc/session';
import { sha256 } from '../../../helpers/files';
import { useTempDir } from '../../../helpers/tmp';
import { truncate } from '../../../reliability/damage';

describe('automatic backups', () => {
  const tmp = useTempDir();
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.JSNA_BACKUP_DIR;
    process.env.JSNA_BACKUP_DIR = join(tmp(), 'backups');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.JSNA_BACKUP_DIR;
    else process.env.JSNA_BACKUP_DIR = saved;
  });

  it('copies an open project with VACUUM INTO, verified (integrity_check, application_id), keeping the N most recent and the day\'s first', () => {
    const path = join(tmp(), 'p.jsna');
    const project = createProject(path, 'Backups');
    addChapter(project, 'One');
    const t0 = Date.parse('2026-12-01T10:00:00Z');
    for (let i = 0; i < 5; i++) takeBackup(project.db, path, { keep: 3, now: new Date(t0 + i * 60_000) });
    project.close();
    const backups = listBackups(path);
    // The 3 most recent, and the day's first (the state the day began with).
    expect(backups.map((b) => b.takenAt)).toEqual(['2026-12-01T10:04:00.000Z', '2026-12-01T10:03:00.000Z', '2026-12-01T10:02:00.000Z', '2026-12-01T10:00:00.000Z']);
    for (const b of backups) {
      expect(backupProblem(b.path)).toBeNull();
      const db = new Database(b.path, { readonly: true });
      expect(db.pragma('application_id', { simple: true })).toBe(PROJECT_APPLICATION_ID);
      expect((db.prepare('SELECT title FROM chapters').all() as Array<{ title: string }>).map((r) => r.title)).toEqual(['One']);
      db.close();
    }
    expect(readdirSync(backupFolder(path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it("keeps each day's first and last backup beyond the N most recent: a dozen quick edits push out only copies in the middle of their day", () => {
    const path = join(tmp(), 'p.jsna');
    const project = createProject(path, 'Days');
    const at = (iso: string, n: number, stepMs: number) => {
      for (let i = 0; i < n; i++) takeBackup(project.db, path, { keep: 3, now: new Date(Date.parse(iso) + i * stepMs) });
    };
    at('2026-11-30T09:00:00Z', 5, 3_600_000);
    at('2026-12-01T09:00:00Z', 5, 3_600_000);
    // Twelve CLI commands in a minute, each taking its backup; then again the next round.
    for (let round = 0; round < 2; round++) {
      at(`2026-12-02T1${round}:00:00Z`, 12, 5_000);
      expect(listBackups(path).map((b) => b.takenAt)).toEqual([
        `2026-12-02T1${round}:00:55.000Z`,
        `2026-12-02T1${round}:00:50.000Z`,
        `2026-12-02T1${round}:00:45.000Z`,
        '2026-12-02T10:00:00.000Z',
        '2026-12-01T13:00:00.000Z',
        '2026-12-01T09:00:00.000Z',
        '2026-11-30T13:00:00.000Z',
        '2026-11-30T09:00:00.000Z',
      ]);
    }
    project.close();
    // At most KEEP_DAYS earlier days are kept.
    const days = Array.from({ length: KEEP_DAYS + 5 }, (_, d) => ({ path: `b${d}`, takenAt: new Date(Date.parse('2026-12-31T12:00:00Z') - d * 86_400_000).toISOString() }));
    expect(backupsToRemove(days, 3).map((b) => b.path)).toEqual(days.slice(KEEP_DAYS).map((b) => b.path));
  });

  it('is taken when the app opens a project for editing, and again only after M minutes of editing', () => {
    const path = join(tmp(), 'p.jsna');
    createProject(path, 'Timed').close();
    let now = Date.parse('2026-12-01T10:00:00Z');
    const auto = new AutoBackup({ keep: 10, everyMinutes: 10 }, undefined, () => now);
    const project = openProject(path);
    auto.opened(project);
    expect(listBackups(path)).toHaveLength(1);
    now += 9 * 60_000;
    auto.edited(project);
    expect(listBackups(path)).toHaveLength(1);
    now += 60_000;
    auto.edited(project);
    expect(listBackups(path)).toHaveLength(2);
    project.close();
    const ro = openProject(path, { readOnly: true });
    auto.opened(ro);
    ro.close();
    expect(listBackups(path)).toHaveLength(2);
  });

  it('the session backs up the project it opens', () => {
    const path = join(tmp(), 'p.jsna');
    createProject(path, 'Session').close();
    const session = new Session();
    session.setProject(openProject(path));
    session.close();
    expect(listBackups(path)).toHaveLength(1);
  });

  it('restores the latest verified backup, keeping the damaged file (and its companions) beside it', () => {
    const path = join(tmp(), 'p.jsna');
    const project = createProject(path, 'Restore');
    addChapter(project, 'Kept');
    takeBackup(project.db, path);
    project.close();
    truncate(path);
    const damagedSha = sha256(path);
    const result = restoreBackup(path, { now: new Date('2026-12-01T11:00:00Z') });
    expect(result.keptAs).toBe(`${path}.damaged-2026-12-01T11-00-00Z`);
    expect(sha256(result.keptAs!)).toBe(damagedSha);
    const reopened = openProject(path, { readOnly: true });
    expect(listChapters(reopened).map((c) => c.title)).toEqual(['Kept']);
    reopened.close();
  });

  it('refuses to restore over a project someone has open for editing, changing nothing; restores once it is closed', () => {
    const path = join(tmp(), 'p.jsna');
    const project = createProject(path, 'Open');
    addChapter(project, 'Before the backup');
    takeBackup(project.db, path);
    addChapter(project, 'After the backup');
    const before = sha256(path);
    expect(() => restoreBackup(path)).toThrow(/already open for editing/);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}.restoring`)).toBe(false);
    expect(listChapters(project).map((c) => c.title)).toEqual(['Before the backup', 'After the backup']);
    project.close();
    restoreBackup(path);
    expect(existsSync(`${path}.lock`)).toBe(false);
    const reopened = openProject(path);
    expect(listChapters(reopened).map((c) => c.title)).toEqual(['Before the backup']);
    reopened.close();
  });

  it('skips a backup that fails verification and refuses one that is not a project, changing nothing', () => {
    const path = join(tmp(), 'p.jsna');
    const project = createProject(path, 'Skip');
    takeBackup(project.db, path, { now: new Date('2026-12-01T10:00:00Z') });
    const newer = takeBackup(project.db, path, { now: new Date('2026-12-01T10:05:00Z') });
    project.close();
    truncate(newer.path, 1000);
    expect(latestVerifiedBackup(path)?.takenAt).toBe('2026-12-01T10:00:00.000Z');
    const other = join(tmp(), 'other.txt');
    writeFileSync(other, 'not a database at all, and long enough to pass for a header read '.repeat(3));
    const before = sha256(path);
    expect(() => restoreBackup(path, { backup: other })).toThrow(/Not restored: .*other\.txt.*has not been changed/);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}.restoring`)).toBe(false);
  });
});
