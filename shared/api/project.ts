import { z } from 'zod';
import { method } from './method';

export const filePath = z
  .string()
  .trim()
  .min(1, 'a file path is required')
  .max(4096, 'the file path is too long');

export interface ProjectInfo {
  path: string;
  title: string;
  readOnly: boolean;
  /** Where the project's indicator library lives. */
  libraryPath: string;
  journalMode: 'wal' | 'delete';
}

/** A verified automatic backup of a project. */
export interface BackupInfo {
  path: string;
  takenAt: string;
}

export const projectMethods = {
  'project.create': method<ProjectInfo>()(
    z.object({
      path: filePath,
      title: z.string().trim().min(1, 'a title is required').max(300, 'the title is longer than 300 characters'),
    }),
  ),
  'project.open': method<ProjectInfo>()(z.object({ path: filePath, readOnly: z.boolean().optional() })),
  'project.current': method<ProjectInfo | null>()(z.object({})),
  'project.close': method<null>()(z.object({})),
  'project.setLibraryPath': method<ProjectInfo>()(z.object({ path: filePath })),
  /** The project's automatic backups, newest first. */
  'project.backups': method<BackupInfo[]>()(z.object({ path: filePath })),
  /** Restores a project from its latest verified backup (or the one named), keeping the damaged file beside it, and opens it. */
  'project.restoreBackup': method<ProjectInfo & { restoredFrom: string; damagedKeptAs: string | null }>()(
    z.object({ path: filePath, backup: filePath.optional() }),
  ),
};
