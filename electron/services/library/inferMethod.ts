import type Database from 'better-sqlite3';
import type { ComparisonMethod } from '../../../shared/library/comparison';
import { ENGLAND_CODE } from './areas';
import { isQuintileOnlyLabel, readComparisonLabel } from './comparisonLabels';

/** Enough labelled rows to tell the methods apart; more would only slow a large import. */
const MAX_OBSERVATIONS = 1_000;

interface Observation {
  label: string;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  benchmark: number | null;
}

/**
 * An indicator's comparison method from its files' own "Compared to England" labels: quintile words
 * → quintiles; labels naming the level ("Better 99.8%") → that level; every row Not compared →
 * not-compared; Similar exactly where England's value lies inside the 99.8% limits but not always
 * inside the 95% ones → ci-overlap-99.8; other labels → ci-overlap-95. Null when the file has no
 * labels (then nothing is inferred).
 */
export function inferMethodFrom(observations: readonly Observation[]): ComparisonMethod | null {
  if (observations.length === 0) return null;
  if (observations.some((o) => isQuintileOnlyLabel(o.label))) return 'quintiles';
  const read = observations.map((o) => ({ o, r: readComparisonLabel(o.label) }));
  const named = read.find((x) => x.r.method === 'ci-overlap-99.8' || x.r.method === 'ci-overlap-95');
  if (named) return named.r.method;
  const compared = read.filter((x) => x.r.outcome !== 'not-compared' && x.r.outcome !== 'unknown');
  if (compared.length === 0) return 'not-compared';
  const inside = (b: number, l: number | null, u: number | null) => l !== null && u !== null && b >= l && b <= u;
  let n95 = 0;
  let ok95 = 0;
  let n998 = 0;
  let ok998 = 0;
  for (const { o, r } of compared) {
    if (o.benchmark === null) continue;
    const similar = r.outcome === 'similar';
    if (o.lower95 !== null && o.upper95 !== null) {
      n95++;
      if (inside(o.benchmark, o.lower95, o.upper95) === similar) ok95++;
    }
    if (o.lower998 !== null && o.upper998 !== null) {
      n998++;
      if (inside(o.benchmark, o.lower998, o.upper998) === similar) ok998++;
    }
  }
  if (n998 > 0 && ok998 === n998 && ok95 < n95) return 'ci-overlap-99.8';
  return 'ci-overlap-95';
}

/** Sets the inferred method on each indicator whose method nobody (author, metadata) has set. */
export function inferComparisonMethods(db: Database.Database, indicatorIds: readonly string[]): void {
  const england = db.prepare('SELECT id FROM areas WHERE code = ?').get(ENGLAND_CODE) as { id: number } | undefined;
  const observations = db.prepare(
    `SELECT v.compared_england AS label, v.value, v.lower95, v.upper95, v.lower998, v.upper998, e.value AS benchmark
     FROM series s JOIN indicator_values v ON v.series_id = s.id
     LEFT JOIN indicator_values e ON e.series_id = s.id AND e.area_id = ? AND e.period_sortable = v.period_sortable AND e.period = v.period
     WHERE s.indicator_id = ? AND v.compared_england IS NOT NULL AND v.area_id IS NOT ?
       AND (v.ci_method = 'file' OR v.compared_england <> 'Not compared')
     LIMIT ${MAX_OBSERVATIONS}`,
  ).raw(true); // arrays, made objects below: faster than better-sqlite3's objects
  const set = db.prepare(
    `UPDATE indicators SET comparison_method = ?, comparison_method_source = 'inferred'
     WHERE id = ? AND (comparison_method_source IS NULL OR comparison_method_source = 'inferred')`,
  );
  for (const id of indicatorIds) {
    type N = number | null;
    const rows = observations.all(england?.id ?? -1, id, england?.id ?? -1) as [string, N, N, N, N, N, N][];
    const method = inferMethodFrom(rows.map(([label, value, lower95, upper95, lower998, upper998, benchmark]) => ({ label, value, lower95, upper95, lower998, upper998, benchmark })));
    if (method) set.run(method, id);
  }
}
