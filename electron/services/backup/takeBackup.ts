import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { backupFolder, type BackupFile, backupName, listBackups } from './backupStore';
import { backupProblem } from './verifyBackup';

export const DEFAULT_KEEP = 10;

/**
 * Takes a consistent copy of an open project with `VACUUM INTO` (never a file copy of an open
 * database), verifies it, renames it into place and prunes older ones ({@link backupsToRemove}). A
 * copy that fails verification is removed (it is ours) and reported.
 */
export function takeBackup(db: Database.Database, projectPath: string, opts: { keep?: number; now?: Date; env?: NodeJS.ProcessEnv } = {}): BackupFile {
  const env = opts.env ?? process.env;
  const folder = backupFolder(projectPath, env);
  mkdirSync(folder, { recursive: true });
  const now = opts.now ?? new Date();
  let seq = 0;
  while (existsSync(join(folder, backupName(now, seq)))) seq++;
  const final = join(folder, backupName(now, seq));
  const partial = `${final}.partial`;
  // Leftovers of a backup cut short by a crash are ours: remove them.
  for (const name of readdirSync(folder)) if (name.endsWith('.partial')) rmSync(join(folder, name), { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const problem = backupProblem(partial);
    if (problem) throw new AppError('INTERNAL', `The automatic backup of ${projectPath} failed its check: ${problem}`, { file: projectPath });
    renameSync(partial, final);
  } finally {
    rmSync(partial, { force: true });
  }
  prune(projectPath, opts.keep ?? DEFAULT_KEEP, env);
  return listBackups(projectPath, env).find((b) => b.path === final)!;
}

/** Earlier days whose last backup is kept beyond the `keep` most recent. */
export const KEEP_DAYS = 30;

/**
 * Keeps the `keep` most recent backups and, beyond them, the last backup of each of the
 * {@link KEEP_DAYS} latest days that have one: ten quick edits (each CLI command takes a backup)
 * push out only that day's earlier copies, never yesterday's state.
 */
export function backupsToRemove(backups: readonly BackupFile[], keep: number): BackupFile[] {
  const days = new Set<string>();
  const out: BackupFile[] = [];
  backups.forEach((b, i) => {
    const day = b.takenAt.slice(0, 10);
    const lastOfDay = !days.has(day);
    days.add(day);
    if (i < Math.max(1, keep)) return;
    if (lastOfDay && days.size <= KEEP_DAYS) return;
    out.push(b);
  });
  return out;
}

function prune(projectPath: string, keep: number, env: NodeJS.ProcessEnv): void {
  for (const old of backupsToRemove(listBackups(projectPath, env), keep)) rmSync(old.path, { force: true });
}

/** The newest backup that still passes verification (older ones are tried in turn). */
export function latestVerifiedBackup(projectPath: string, env: NodeJS.ProcessEnv = process.env): BackupFile | null {
  for (const b of listBackups(projectPath, env)) if (backupProblem(b.path) === null) return b;
  return null;
}
