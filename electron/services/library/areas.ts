import type Database from 'better-sqlite3';
import type { AreaInfo } from '../../../shared/api/library';

/** England: the default comparator, as in Fingertips. */
export const ENGLAND_CODE = 'E92000001';

/** Areas whose code starts with, or name contains, `search`; sorted by name. */
export function listAreas(db: Database.Database, opts: { search?: string | undefined; limit?: number | undefined } = {}): AreaInfo[] {
  const limit = opts.limit ?? 1000;
  const search = opts.search?.trim();
  const select = 'SELECT code, name, area_type AS areaType, parent_code AS parentCode FROM areas';
  if (!search) return db.prepare(`${select} ORDER BY name COLLATE NOCASE, code LIMIT ?`).all(limit) as AreaInfo[];
  const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .prepare(`${select} WHERE code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' ORDER BY name COLLATE NOCASE, code LIMIT ?`)
    .all(`${escaped}%`, `%${escaped}%`, limit) as AreaInfo[];
}
