import { latestRow } from '../../data';
import { seriesTable, type ChartDataTable } from '../../tables';
import type { SeriesChartData } from '../../types';
import { compareBars } from './bars';

/** The latest period, every area, in the chart's order (by value). */
export function compareTable(data: SeriesChartData): ChartDataTable {
  const latest = latestRow(data.rows);
  const table = seriesTable(data, latest === null ? [] : [latest]);
  if (latest === null) return table;
  const order = compareBars(data, latest).map((r) => r.areaName);
  const rank = (name: string | undefined) => {
    const i = order.indexOf(name ?? '');
    return i === -1 ? order.length : i;
  };
  return { ...table, rows: [...table.rows].sort((a, b) => rank(a[1]) - rank(b[1])) };
}
