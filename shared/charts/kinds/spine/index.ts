import type { ChartKindModule } from '../kind';
import { spineSpec } from './spec';
import { spineSummary } from './summary';
import { spineTable } from './table';
import type { SpineChartData } from './types';

export type { SpineChartData, SpineRow } from './types';

export const spine: ChartKindModule<SpineChartData> = {
  label: 'Spine chart (area profile)',
  spec: spineSpec,
  summary: spineSummary,
  table: spineTable,
  indicators: (data) => data.rows.map((r) => r.indicator),
  defaultTitle: (data) => `Area profile: ${data.area.name}`,
};
