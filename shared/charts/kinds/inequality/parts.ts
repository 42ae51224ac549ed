import type { Significance } from '../../../library/types';
import { compareWithBenchmark } from '../../../stats';
import { latestRow, orderCategories, rowsInPeriod } from '../../data';
import type { ChartRow, SeriesChartData } from '../../types';

/** The inequality chart's parts: category rows of the latest period in category order, and the overall row. */
export function inequalityParts(data: SeriesChartData): {
  period: ChartRow | null;
  categories: ChartRow[];
  overall: ChartRow | null;
  /** Each category compared with the overall value (Fingertips' rule). */
  versusOverall: Significance[];
} {
  const categoryRows = data.rows.filter((r) => r.categoryType !== '');
  const period = latestRow(categoryRows.length > 0 ? categoryRows : data.rows);
  if (period === null) return { period: null, categories: [], overall: null, versusOverall: [] };
  const categories = orderCategories(rowsInPeriod(categoryRows, period));
  const overall = rowsInPeriod(data.rows, period).find((r) => r.categoryType === '') ?? null;
  const versusOverall = categories.map((r) => (overall === null ? 'Not compared' : compareWithBenchmark(r, overall.value, data.indicator.polarity)));
  return { period, categories, overall, versusOverall };
}
