import type Database from 'better-sqlite3';
import type { ValueType } from '../../../shared/library/types';
import { computeCI } from '../../../shared/stats';

/**
 * After an indicator's value type or multiplier changes, recomputes the CIs that were computed from
 * count and denominator (never those the file gave). Rows whose inputs cannot give a CI under the new
 * type are left without one. No invented precision: a row without a CI gets one only if it came
 * from a tidy file and is no modelled estimate or aggregate — or the indicator asks
 * (compute_for_estimates).
 */
export function recomputeComputedCIs(db: Database.Database, indicatorId: string, valueType: ValueType, multiplier: number | null): number {
  const rows = db
    .prepare(
      `SELECT v.series_id AS s, v.area_id AS a, v.period_sortable AS ps, v.period AS p, v.count AS count, v.denominator AS denominator
       FROM series JOIN indicator_values v ON v.series_id = series.id
       JOIN indicators i ON i.id = series.indicator_id LEFT JOIN vintages w ON w.id = v.vintage_id
       WHERE series.indicator_id = ? AND v.value IS NOT NULL AND v.count IS NOT NULL
         AND (v.ci_method IN ('wilson', 'byar', 'exact-poisson') OR (v.ci_method IS NULL AND (i.compute_for_estimates = 1 OR (w.format = 'tidy'
           AND coalesce(v.value_note, '') NOT LIKE '%modelled%' AND coalesce(v.value_note, '') NOT LIKE '%synthetic%'
           AND coalesce(v.value_note, '') NOT LIKE '%estimate%' AND coalesce(v.value_note, '') NOT LIKE '%aggregated from%'))))`,
    )
    .all(indicatorId) as { s: number; a: number; ps: number; p: string; count: number; denominator: number | null }[];
  const update = db.prepare(
    'UPDATE indicator_values SET lower95 = ?, upper95 = ?, ci_method = ? WHERE series_id = ? AND area_id = ? AND period_sortable = ? AND period = ?',
  );
  for (const r of rows) {
    let ci = null;
    try {
      ci = computeCI(valueType, r.count, r.denominator, multiplier);
    } catch {
      ci = null;
    }
    update.run(ci?.lower ?? null, ci?.upper ?? null, ci?.method ?? null, r.s, r.a, r.ps, r.p);
  }
  return rows.length;
}
