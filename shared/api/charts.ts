import { z } from 'zod';
import type { ChartData, ChartKind } from '../charts/types';
import type { Vintage } from '../library/types';
import { method } from './method';

/** A chart node's reference to its data (the node's attributes that matter to the query). */
export const chartRef = z.object({
  kind: z.enum(['trend', 'compare', 'basket', 'inequality']),
  indicatorId: z.string().trim().max(100).nullable(),
  indicatorIds: z.array(z.string().trim().min(1).max(100)).max(60, 'at most 60 indicators in a basket').default([]),
  indicatorGroups: z.record(z.string().max(100), z.string().trim().max(100)).default({}),
  areaCode: z.string().trim().max(50).nullable(),
  comparators: z.array(z.string().trim().min(1).max(50)).max(20).default(['E92000001']),
  sex: z.string().trim().max(200).nullable().default(null),
  age: z.string().trim().max(200).nullable().default(null),
  categoryType: z.string().trim().max(200).nullable().default(null),
  category: z.string().trim().max(200).nullable().default(null),
  periodFrom: z.number().int().nullable().default(null),
  periodTo: z.number().int().nullable().default(null),
  reviewedVintage: z.number().int().nullable().default(null),
});
export type ChartRef = z.output<typeof chartRef>;

export type ChartDataResponse =
  | {
      ok: true;
      kind: ChartKind;
      data: ChartData;
      /** The newest vintage among the chart's indicators. */
      vintage: Vintage | null;
      /** A newer vintage arrived since the author last marked this chart reviewed. */
      newerThanReviewed: boolean;
      /** "Source: OHID Fingertips, data imported 23 November 2026" (+ illustrative warning). */
      source: string;
    }
  /** Missing indicator, no rows, …: said in place of the chart, never an empty frame. */
  | { ok: false; message: string };

export const chartMethods = {
  'charts.data': method<ChartDataResponse>()(z.object({ chart: chartRef })),
};
