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

/** Days (the latest that have backups) whose first and last backup are kept beyond the `keep` most recent. */
export const KEEP_DAYS = 30;

/** The backup's day on this computer's calendar (a backup just after midnight belongs to the new day). */
function localDay(takenAt: string): string {
  const d = new Date(takenAt);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * Which backups (newest first, as listBackups gives them) to remove: none of the `keep` most
 * recent, nor the first and the last of each of the {@link KEEP_DAYS} latest days that have
 * backups. A backup is taken as a project opens, before the edit; so a day's first backup holds the
 * state the day began with (the end of the work before it) and its last the state before the day's
 * final edit. A burst of edits (each CLI command takes a backup) then pushes out only the copies in
 * the middle of its day.
 */
export function backupsToRemove(backups: readonly BackupFile[], keep: number): BackupFile[] {
  const days = new Map<string, { first: number; last: number }>();
  backups.forEach((b, i) => {
    const day = localDay(b.takenAt);
    const d = days.get(day);
    if (d) d.first = i;
    else days.set(day, { first: i, last: i });
  });
  const kept = new Set<number>();
  [...days.values()].slice(0, KEEP_DAYS).forEach((d) => kept.add(d.first).add(d.last));
  return backups.filter((_, i) => i >= Math.max(1, keep) && !kept.has(i));
}

function prune(projectPath: string, keep: number, env: NodeJS.ProcessEnv): void {
  for (const old of backupsToRemove(listBackups(projectPath, env), keep)) rmSync(old.path, { force: true });
}

/** The newest backup that still passes verification (older ones are tried in turn). */
export function latestVerifiedBackup(projectPath: string, env: NodeJS.ProcessEnv = process.env): BackupFile | null {
  for (const b of listBackups(projectPath, env)) if (backupProblem(b.path) === null) return b;
  return null;
}
