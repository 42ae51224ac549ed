import type { LibraryInfo } from '../../../shared/api/library';
import type { Library } from './openLibrary';

export function libraryInfo(library: Library): LibraryInfo {
  const { db } = library;
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM indicators) AS indicators, (SELECT count(*) FROM areas) AS areas,
              (SELECT coalesce(sum(row_count), 0) FROM indicators) AS rows, (SELECT count(*) FROM vintages) AS vintages,
              (SELECT value FROM library_meta WHERE key = 'last_import_at') AS lastImportAt`,
    )
    .get() as Omit<LibraryInfo, 'path' | 'journalMode'>;
  return { path: library.path, journalMode: library.journalMode, ...counts };
}
