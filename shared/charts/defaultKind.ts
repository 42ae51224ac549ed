import type { ChartKind } from './definition';

/**
 * The kind a new chart of one indicator starts as, from its data: a trend needs at least two
 * periods; with one period (or none yet) the chart compares areas instead.
 */
export function defaultKindFor(periods: readonly { periodSortable: number }[]): ChartKind {
  return new Set(periods.map((p) => p.periodSortable)).size > 1 ? 'trend' : 'compare';
}
