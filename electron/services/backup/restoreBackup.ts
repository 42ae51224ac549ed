import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { acquireLock } from '../db/lockFile';
import { latestVerifiedBackup } from './takeBackup';
import { backupProblem } from './verifyBackup';

export interface RestoreResult {
  /** The project file, now the restored copy. */
  path: string;
  /** The backup it came from. */
  backup: string;
  /** Where the damaged file (and its -wal/-shm/-journal) now is: nothing the user had is deleted. */
  keptAs: string | null;
}

const SIDECARS = ['-wal', '-shm', '-journal'];

function stamp(d: Date): string {
  return d.toISOString().replace(/[:]/g, '-').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Restores a project from a verified backup (the latest, or the one named). The file being replaced
 * is never deleted or overwritten: it (and its companion files) is renamed to
 * `<name>.damaged-<time>` beside it first. The restored copy is written beside the project under a
 * temporary name, checked, and renamed into place, so a crash leaves either the old or the new file.
 * A project someone has open for editing (its lock is live) is refused unchanged: replacing the file
 * under them would lose what they save next.
 */
export function restoreBackup(rawPath: string, opts: { backup?: string; now?: Date; env?: NodeJS.ProcessEnv } = {}): RestoreResult {
  const path = resolve(rawPath);
  const env = opts.env ?? process.env;
  let source: string;
  if (opts.backup) {
    source = resolve(opts.backup);
    if (!existsSync(source)) throw new AppError('NOT_FOUND', `${source}: no such backup file.`, { file: source });
  } else {
    const latest = latestVerifiedBackup(path, env);
    if (!latest) throw new AppError('NOT_FOUND', `There is no verified backup of ${path} to restore.`, { file: path });
    source = latest.path;
  }
  const problem = backupProblem(source);
  if (problem) throw new AppError('BAD_INPUT', `Not restored: ${problem}. ${path} has not been changed.`, { file: source });

  const lock = acquireLock(path);
  try {
    return replaceWith(path, source, opts.now ?? new Date());
  } finally {
    lock.release();
  }
}

function replaceWith(path: string, source: string, now: Date): RestoreResult {
  const temp = `${path}.restoring`;
  rmSync(temp, { force: true });
  copyFileSync(source, temp); // a closed, verified file: a plain copy is safe here
  const again = backupProblem(temp);
  if (again) {
    rmSync(temp, { force: true });
    throw new AppError('INTERNAL', `Not restored: the copy of the backup failed its check (${again}). ${path} has not been changed.`, { file: path });
  }
  let keptAs: string | null = null;
  if (existsSync(path)) {
    keptAs = `${path}.damaged-${stamp(now)}`;
    renameSync(path, keptAs);
    for (const s of SIDECARS) if (existsSync(path + s)) renameSync(path + s, keptAs + s);
  }
  renameSync(temp, path);
  return { path, backup: source, keptAs };
}
