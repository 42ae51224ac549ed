import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { userDataDir } from '../paths';

/** One verified automatic backup of a project. */
export interface BackupFile {
  path: string;
  /** ISO time the backup was taken (from its name). */
  takenAt: string;
}

/** Where a project's automatic backups live: `<data folder>/backups/<name>-<hash of its path>/` (JSNA_BACKUP_DIR overrides the root). */
export function backupFolder(projectPath: string, env: NodeJS.ProcessEnv = process.env): string {
  const full = resolve(projectPath);
  const root = env.JSNA_BACKUP_DIR ?? join(userDataDir(env), 'backups');
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 12);
  return join(root, `${basename(full).replace(/[^\w.-]+/g, '_')}-${hash}`);
}

const NAME = /^backup-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z)(?:-\d+)?\.jsna$/;

/** A file name that sorts by time: backup-2026-12-02T00-30-00.000Z.jsna */
export function backupName(at: Date, seq = 0): string {
  return `backup-${at.toISOString().replace(/:/g, '-')}${seq ? `-${seq}` : ''}.jsna`;
}

/** The project's backups, newest first. Only finished backups (renamed into place after verifying) have this name. */
export function listBackups(projectPath: string, env: NodeJS.ProcessEnv = process.env): BackupFile[] {
  const folder = backupFolder(projectPath, env);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
    .map(({ name, m }) => ({
      path: join(folder, name),
      takenAt: m[1]!.replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3'),
    }));
}
