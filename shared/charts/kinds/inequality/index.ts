import type { SeriesChartData } from '../../types';
import type { ChartKindModule } from '../kind';
import { inequalitySpec } from './spec';
import { summariseInequality } from './summary';
import { inequalityTable } from './table';

export const inequality: ChartKindModule<SeriesChartData> = {
  label: 'Inequality (by category)',
  spec: inequalitySpec,
  summary: summariseInequality,
  table: inequalityTable,
  indicators: (data) => [data.indicator],
  defaultTitle: (data) => data.indicator.name,
};
