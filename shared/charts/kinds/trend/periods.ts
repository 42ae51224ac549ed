import { sortByPeriod } from '../../data';
import type { ChartRow, SeriesChartData } from '../../types';

/** The periods a trend chart draws: those of the selected rows (or, with none, of the comparators). */
export function trendPeriods(data: SeriesChartData): ChartRow[] {
  const source = data.rows.length > 0 ? data.rows : data.comparators.flatMap((c) => c.rows);
  const seen = new Set<string>();
  return sortByPeriod(source).filter((r) => {
    const key = `${r.periodSortable}\u0000${r.period}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
