import { latestRow } from '../../data';
import { seriesTable, type ChartDataTable } from '../../tables';
import type { SeriesChartData } from '../../types';

/** The latest period, every area. */
export function compareTable(data: SeriesChartData): ChartDataTable {
  const latest = latestRow(data.rows);
  return seriesTable(data, latest === null ? [] : [latest]);
}
