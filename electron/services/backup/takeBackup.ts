import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { backupFolder, type BackupFile, backupName, listBackups } from './backupStore';
import { backupProblem } from './verifyBackup';

export const DEFAULT_KEEP = 10;

/**
 * Takes a consistent copy of an open project with `VACUUM INTO` (never a file copy of an open
 * database), verifies it, renames it into place and keeps the `keep` most recent. A copy that
 * fails verification is removed (it is ours) and reported.
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

function prune(projectPath: string, keep: number, env: NodeJS.ProcessEnv): void {
  for (const old of listBackups(projectPath, env).slice(Math.max(1, keep))) rmSync(old.path, { force: true });
}

/** The newest backup that still passes verification (older ones are tried in turn). */
export function latestVerifiedBackup(projectPath: string, env: NodeJS.ProcessEnv = process.env): BackupFile | null {
  for (const b of listBackups(projectPath, env)) if (backupProblem(b.path) === null) return b;
  return null;
}
