import type { SeriesChartData } from '../../types';
import type { ChartKindModule } from '../kind';
import { trendSpec } from './spec';
import { summariseTrend } from './summary';
import { trendTable } from './table';

export const trend: ChartKindModule<SeriesChartData> = {
  label: 'Trend over time',
  spec: trendSpec,
  summary: summariseTrend,
  table: trendTable,
  indicators: (data) => [data.indicator],
  defaultTitle: (data) => data.indicator.name,
};
