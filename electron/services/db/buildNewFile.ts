import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { FileKind } from './fileKind';
import { processAlive } from './lockFile';
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

/** A build left by a killed import is this old at least (a live build is written to all the time). */
const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Removes earlier builds of `target` that a killed import left behind: their process is gone and
 * they have not been written to for ABANDONED_AFTER_MS (so a build by another machine on a shared
 * folder, whose process id means nothing here, is left alone while it is being written).
 */
export function removeAbandonedBuilds(target: string, now: number = Date.now()): string[] {
  const prefix = `${basename(target)}.importing-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)-[0-9a-f]{8}\.tmp(?:-wal|-shm|-journal)?$/.exec(name.slice(prefix.length)) : null;
    if (!m || processAlive(Number(m[1]))) continue;
    const path = join(dirname(target), name);
    try {
      if (now - statSync(path).mtimeMs < ABANDONED_AFTER_MS) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
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
  removeAbandonedBuilds(target);
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
