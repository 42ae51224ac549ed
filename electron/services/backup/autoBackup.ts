import type Database from 'better-sqlite3';
import { takeBackup } from './takeBackup';

export interface BackupPolicy {
  /** Backups kept per project (JSNA_BACKUP_KEEP, default 10). */
  keep: number;
  /** Minutes of editing between backups (JSNA_BACKUP_MINUTES, default 10). */
  everyMinutes: number;
}

export function backupPolicy(env: NodeJS.ProcessEnv = process.env): BackupPolicy {
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : d);
  return { keep: Math.max(1, Math.floor(num(env.JSNA_BACKUP_KEEP, 10))), everyMinutes: num(env.JSNA_BACKUP_MINUTES, 10) };
}

interface Target {
  db: Database.Database;
  path: string;
  readOnly: boolean;
}

/**
 * Rolling automatic backups of the open project: one when it is opened for editing, then one after
 * an edit whenever `everyMinutes` have passed since the last. A failed backup never fails the edit;
 * it is kept in `lastError` (and reported to `onError`).
 */
export class AutoBackup {
  private last = new Map<string, number>();
  lastError: Error | null = null;
  constructor(
    private readonly policy: BackupPolicy = backupPolicy(),
    private readonly onError: (e: Error) => void = () => {},
    private readonly clock: () => number = Date.now,
  ) {}

  opened(p: Target): void {
    if (!p.readOnly) this.take(p);
  }

  edited(p: Target): void {
    if (p.readOnly) return;
    const last = this.last.get(p.path) ?? 0;
    if (this.clock() - last >= this.policy.everyMinutes * 60_000) this.take(p);
  }

  private take(p: Target): void {
    try {
      takeBackup(p.db, p.path, { keep: this.policy.keep, now: new Date(this.clock()) });
      this.last.set(p.path, this.clock());
      this.lastError = null;
    } catch (e) {
      this.lastError = e as Error;
      this.onError(e as Error);
    }
  }
}
