import { closeSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { AppError } from '../../../shared/api/errors';

/**
 * A project open for editing is marked by `<file>.lock` beside it, holding who has it. This works on
 * network drives, where two people on two machines can reach one file and SQLite's own locks say
 * nothing about *who*. The holder refreshes the lock's time; a lock not refreshed for
 * STALE_AFTER_MS, or left by a dead process on this machine, is taken over.
 */
export interface LockHolder {
  user: string;
  host: string;
  pid: number;
  since: string;
}

export const HEARTBEAT_MS = 60_000;
export const STALE_AFTER_MS = 5 * HEARTBEAT_MS;

export interface ProjectLock {
  path: string;
  release(): void;
}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

function currentHolder(): LockHolder {
  let user = process.env.JSNA_USER_NAME ?? '';
  if (!user) {
    try {
      user = userInfo().username;
    } catch {
      user = 'unknown user';
    }
  }
  return { user, host: hostname(), pid: process.pid, since: new Date().toISOString() };
}

/** Is a process of this id running on this machine? */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function isStale(lockPath: string, holder: LockHolder | null, now: number): boolean {
  if (!holder) return true;
  if (holder.host === hostname() && !processAlive(holder.pid)) return true;
  try {
    return now - statSync(lockPath).mtimeMs > STALE_AFTER_MS;
  } catch {
    return true;
  }
}

function tryCreate(lockPath: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

export function acquireLock(file: string): ProjectLock {
  const lockPath = lockPathFor(file);
  const me = currentHolder();
  if (!tryCreate(lockPath, me)) {
    const holder = readLock(lockPath);
    if (!isStale(lockPath, holder, Date.now())) {
      const who = holder ? `${holder.user} on ${holder.host} (since ${holder.since})` : 'someone else';
      throw new AppError('LOCKED', `${file} is already open for editing by ${who}. You can open it read-only.`, {
        file,
        holder,
      });
    }
    rmSync(lockPath, { force: true });
    if (!tryCreate(lockPath, me)) {
      throw new AppError('LOCKED', `${file} was opened by someone else just now. You can open it read-only.`, { file });
    }
  }
  const timer = setInterval(() => {
    const t = new Date();
    try {
      utimesSync(lockPath, t, t);
    } catch {
      /* the drive may be briefly unreachable; the next beat tries again */
    }
  }, HEARTBEAT_MS);
  timer.unref();
  let released = false;
  return {
    path: lockPath,
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      const holder = readLock(lockPath);
      if (holder && holder.pid === me.pid && holder.host === me.host) rmSync(lockPath, { force: true });
    },
  };
}
