import { englandComparator, rowsInPeriod } from '../../data';
import type { ChartRow, SeriesChartData } from '../../types';

/** The area the compare chart is about: the first selected row's (highlighted on the chart). */
export function chosenArea(data: SeriesChartData): string | null {
  return data.rows[0]?.areaCode ?? null;
}

/**
 * The rows drawn as bars on the compare chart, in the latest period: the selected areas and the
 * non-England comparators, sorted by value (highest first; areas without a value last).
 */
export function compareBars(data: SeriesChartData, latest: ChartRow): ChartRow[] {
  const england = englandComparator(data);
  const selected = rowsInPeriod(data.rows, latest);
  const others = data.comparators
    .filter((c) => c !== england)
    .flatMap((c) => rowsInPeriod(c.rows, latest).filter((r) => r.categoryType === '' && r.sex === latest.sex && r.age === latest.age).slice(0, 1));
  const seen = new Set<string>();
  const bars = [...selected, ...others].filter((r) => (seen.has(r.areaCode) ? false : (seen.add(r.areaCode), true)));
  return bars
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.value === null ? (b.r.value === null ? a.i - b.i : 1) : b.r.value === null ? -1 : b.r.value - a.r.value || a.i - b.i))
    .map((x) => x.r);
}
