import type { ErrorCode } from '../../../shared/api/errors';
import type { Migration } from './migrate';

/** A kind of SQLite file this app owns, told apart from all others by its application_id. */
export interface FileKind {
  /** Shown in messages: "a JSNA project", "an indicator library". */
  label: string;
  applicationId: number;
  migrations: Migration[];
  /** Error code when a file is not of this kind. */
  wrongKindCode: ErrorCode;
  /** Run PRAGMA quick_check on every open (projects: small, and damage must be caught before any write). */
  checkOnOpen?: boolean;
  /** SQLite page size of a new file (default 4096); a file keeps the one it was made with. */
  pageSize?: number;
}
