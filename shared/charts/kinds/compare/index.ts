import type { SeriesChartData } from '../../types';
import type { ChartKindModule } from '../kind';
import { compareSpec } from './spec';
import { summariseCompare } from './summary';
import { compareTable } from './table';

export const compare: ChartKindModule<SeriesChartData> = {
  label: 'Compare areas',
  spec: compareSpec,
  summary: summariseCompare,
  table: compareTable,
  indicators: (data) => [data.indicator],
  defaultTitle: (data) => data.indicator.name,
};
