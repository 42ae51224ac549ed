import { z } from 'zod';
import { chartRef } from '../charts/definition';
import type { KindedChartData } from '../charts/types';
import type { Vintage } from '../library/types';
import { method } from './method';

/** A chart node's reference to its data: derived from the one chart definition (shared/charts/definition.ts). */
export { chartRef, type ChartRef } from '../charts/definition';

export type ChartDataResponse =
  | ({
      ok: true;
      /** The newest vintage among the chart's indicators. */
      vintage: Vintage | null;
      /** A newer vintage arrived since the author last marked this chart reviewed. */
      newerThanReviewed: boolean;
    } & KindedChartData)
  /** Missing indicator, no rows, …: said in place of the chart, never an empty frame. */
  | { ok: false; message: string };

export const chartMethods = {
  'charts.data': method<ChartDataResponse>()(z.object({ chart: chartRef })),
  /** The newest vintage in the library: a chart inserted now is reviewed as of it. */
  'charts.newestVintage': method<{ vintage: number | null }>()(z.object({})),
};
