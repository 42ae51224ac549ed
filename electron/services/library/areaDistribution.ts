import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * The values of every area of one area type for one breakdown (series) and period: what a spine
 * chart's bar is drawn from. Suppressed and missing values are left out. Areas whose type the files
 * did not name are left out too (their type is unknown, so they cannot be counted as of this type).
 */
export function valuesOfAreaType(
  db: Database.Database,
  seriesId: number,
  areaType: string,
  period: { periodSortable: number; period: string },
): number[] {
  const rows = prepared(
    db,
    `SELECT v.value AS value FROM indicator_values v JOIN areas a ON a.id = v.area_id
     WHERE v.series_id = ? AND v.period_sortable = ? AND v.period = ? AND a.area_type = ? AND v.value IS NOT NULL`,
  ).all(seriesId, period.periodSortable, period.period, areaType) as { value: number }[];
  return rows.map((r) => r.value);
}

/** The area type the library records for an area code, or null. */
export function areaTypeOf(db: Database.Database, areaCode: string): string | null {
  const row = prepared(db, 'SELECT area_type AS areaType FROM areas WHERE code = ?').get(areaCode) as { areaType: string | null } | undefined;
  return row?.areaType ?? null;
}
