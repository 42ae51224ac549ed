import type { TopLevelSpec } from 'vega-lite';
import type { IndicatorMeta } from '../../library/types';
import type { ChartDataTable } from '../tables';
import type { ChartOptions } from '../types';

/**
 * Everything one chart kind knows: its name in the settings, its vega-lite spec, its text summary,
 * its data table, and which indicators (so which sources) it draws. Pure: data in, words and spec out.
 */
export interface ChartKindModule<Data> {
  /** What the chart settings call it. */
  label: string;
  spec(data: Data, options: ChartOptions): TopLevelSpec;
  summary(data: Data): string;
  table(data: Data): ChartDataTable;
  indicators(data: Data): IndicatorMeta[];
  /** The headline when the author has not written one. */
  defaultTitle(data: Data): string;
}

/** The data a kind module draws. */
export type DataOf<M> = M extends ChartKindModule<infer D> ? D : never;
