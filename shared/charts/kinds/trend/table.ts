import { seriesTable, type ChartDataTable } from '../../tables';
import type { SeriesChartData } from '../../types';
import { trendPeriods } from './periods';

/** Every period drawn, every series. */
export function trendTable(data: SeriesChartData): ChartDataTable {
  return seriesTable(data, trendPeriods(data));
}
