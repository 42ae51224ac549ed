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
  /** The chapter edited last, opened first when the project is reopened (null: none yet). */
  lastChapterId: string | null;
}

/** What the title page shows, edited in the app (Project details…); stored in the project file. */
export interface ProjectMetadata {
  title: string;
  area: string;
  authors: string;
  version: string;
}

const metaText = (what: string, max: number) => z.string().trim().max(max, `the ${what} is longer than ${max} characters`);

export const projectMetadataSchema = z.object({
  title: metaText('title', 300).min(1, 'a title is required'),
  area: metaText('area', 300),
  authors: metaText('authors', 1000),
  version: metaText('version', 100),
});

/** A verified automatic backup of a project. */
export interface BackupInfo {
  path: string;
  takenAt: string;
}

export const projectMethods = {
  'project.metadata': method<ProjectMetadata>()(z.object({})),
  /** Sets all four in one transaction. */
  'project.setMetadata': method<ProjectMetadata>()(projectMetadataSchema),
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
