import { englandComparator, rowsInPeriod } from '../../data';
import type { ChartRow, SeriesChartData } from '../../types';

/** The rows drawn as bars on the compare chart: selected areas, then non-England comparators, in the latest period. */
export function compareBars(data: SeriesChartData, latest: ChartRow): ChartRow[] {
  const england = englandComparator(data);
  const selected = rowsInPeriod(data.rows, latest);
  const others = data.comparators
    .filter((c) => c !== england)
    .flatMap((c) => rowsInPeriod(c.rows, latest).filter((r) => r.categoryType === '' && r.sex === latest.sex && r.age === latest.age).slice(0, 1));
  const seen = new Set<string>();
  return [...selected, ...others].filter((r) => (seen.has(r.areaCode) ? false : (seen.add(r.areaCode), true)));
}
