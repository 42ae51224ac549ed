import type { Comparison } from '../../../library/comparison';
import { latestRow, orderCategories, rowsInPeriod } from '../../data';
import type { ChartRow, SeriesChartData } from '../../types';

/** The inequality chart's parts: category rows of the latest period in category order, and the overall row. */
export function inequalityParts(data: SeriesChartData): {
  period: ChartRow | null;
  categories: ChartRow[];
  overall: ChartRow | null;
  /** Each category compared with England, as the library holds it (the publisher's label, e.g. "Not compared" for aggregated deciles). */
  compared: Comparison[];
} {
  const categoryRows = data.rows.filter((r) => r.categoryType !== '');
  const period = latestRow(categoryRows.length > 0 ? categoryRows : data.rows);
  if (period === null) return { period: null, categories: [], overall: null, compared: [] };
  const categories = orderCategories(rowsInPeriod(categoryRows, period));
  const overall = rowsInPeriod(data.rows, period).find((r) => r.categoryType === '') ?? null;
  return { period, categories, overall, compared: categories.map((r) => r.comparedEngland) };
}
