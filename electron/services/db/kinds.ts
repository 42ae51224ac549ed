import type { FileKind } from './fileKind';
import { libraryMigrations } from './migrations/library';
import { projectMigrations } from './migrations/project';

/** "JSNA" as a big-endian 32-bit integer, stored in the SQLite header of every project. */
export const PROJECT_APPLICATION_ID = 0x4a534e41;
/** "JSLB": the indicator library. */
export const LIBRARY_APPLICATION_ID = 0x4a534c42;

export const projectKind: FileKind = {
  label: 'a JSNA project',
  applicationId: PROJECT_APPLICATION_ID,
  migrations: projectMigrations,
  wrongKindCode: 'NOT_A_PROJECT',
  checkOnOpen: true,
};

export const libraryKind: FileKind = {
  label: 'a JSNA indicator library',
  applicationId: LIBRARY_APPLICATION_ID,
  migrations: libraryMigrations,
  wrongKindCode: 'NOT_A_LIBRARY',
  // Measured on a 1M-row import into a new library: ~3% faster than 4096 (fewer, fuller B-tree
  // pages; half the writes at commit). A chart's query still reads one or two pages.
  pageSize: 8192,
};
