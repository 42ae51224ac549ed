import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { FileKind } from './fileKind';
import { createDatabase, journalModeFor, type OpenedDatabase, settleJournal } from './openDatabase';

const SIDECARS = ['', '-wal', '-shm', '-journal'];

export interface NewFileBuild {
  /** The file being built (under a temporary name beside the target: nobody else opens it). */
  opened: OpenedDatabase;
  /** Settles the journal mode, syncs the file and puts it in place under the target's name; closes it. */
  complete(): void;
  /** Closes and deletes the file being built: the target was never there. */
  abandon(): void;
}

/**
 * A temporary name to build a new file under, beside its target (same folder, same file system);
 * another for each build, so two imports into one missing library never share a file.
 */
function buildingPath(target: string): string {
  return join(dirname(target), `${basename(target)}.importing-${process.pid}-${randomUUID().slice(0, 8)}.tmp`);
}

function syncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return; // a folder cannot be opened on Windows; its entries are durable there anyway
  }
  try {
    fsyncSync(fd);
  } catch {
    /* folders cannot be synced on every platform */
  } finally {
    closeSync(fd);
  }
}

/**
 * A new database written in one go: built under {@link buildingPath} with the journal in memory and
 * no syncs (every page written once, not once to the WAL and again to the file), then synced and
 * moved to `target` in one step, in the journal mode `target` would have had. All or nothing: a
 * failure (or a killed process) never leaves anything under the target's name, and a file that
 * appeared there meanwhile is not overwritten.
 */
export function buildNewFile(kind: FileKind, rawTarget: string): NewFileBuild {
  const target = resolve(rawTarget);
  if (existsSync(target)) {
    throw new AppError('BAD_INPUT', `${target} already exists; choose another name or open it instead.`, { file: target });
  }
  const temp = buildingPath(target);
  const journalMode = journalModeFor(target);
  const opened = createDatabase(kind, temp, { building: { journalMode } });
  let open = true;
  const close = () => {
    if (open) opened.db.close();
    open = false;
  };
  const abandon = () => {
    close();
    for (const suffix of SIDECARS) rmSync(temp + suffix, { force: true });
  };
  const complete = () => {
    try {
      settleJournal(opened.db, journalMode);
      close();
      syncPath(temp);
      putInPlace(temp, target);
      syncPath(dirname(target));
    } catch (e) {
      abandon();
      throw e;
    }
  };
  return { opened: { ...opened, path: target, journalMode }, complete, abandon };
}

/** Moves `temp` to `target` unless something is there by now: a hard link refuses to replace a file. */
function putInPlace(temp: string, target: string): void {
  try {
    linkSync(temp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new AppError('BAD_INPUT', `${target} was created by something else during the import; the import was not saved. Import into it again.`, { file: target });
    }
    // A file system without hard links (FAT, some network shares): rename, having checked.
    if (existsSync(target)) throw e;
    renameSync(temp, target);
    return;
  }
  rmSync(temp, { force: true });
}
