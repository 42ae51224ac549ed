import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * Read-only area sets for the compare chart's comparison set: the areas that share an area's parent
 * (e.g. every county and UA in its region), of the same area type. Statistical neighbours are not
 * held by the library (no file brings them in), so none are offered: see `hasNeighbours`.
 */
export function areasWithSameParent(db: Database.Database, areaCode: string): { parentCode: string | null; codes: string[] } {
  const area = prepared(db, 'SELECT parent_code AS parentCode, area_type AS areaType FROM areas WHERE code = ?').get(areaCode) as
    | { parentCode: string | null; areaType: string | null }
    | undefined;
  if (!area?.parentCode) return { parentCode: null, codes: [] };
  const rows = prepared(db, 'SELECT code FROM areas WHERE parent_code = ? AND area_type IS ? AND code <> parent_code ORDER BY name COLLATE NOCASE, code').all(
    area.parentCode,
    area.areaType,
  ) as { code: string }[];
  return { parentCode: area.parentCode, codes: rows.map((r) => r.code) };
}

/** Whether the library holds statistical neighbours for an area type. It never does yet: no import reads them. */
export function hasNeighbours(_db: Database.Database, _areaType: string | null): boolean {
  return false;
}
