/**
 * The words that go with every chart (WCAG 2.2 AA: a chart is never only a picture):
 * `summariseChart` — the text summary (also the SVG's aria-label), and
 * `chartDataTable` — the accessible data table, numbers formatted as in the chart.
 * Each kind writes its own (kinds/<kind>/summary.ts and table.ts); these pick the kind's.
 */
import type { ChartKind } from './definition';
import { chartKinds, type ChartDataByKind } from './kinds';
import type { ChartDataTable } from './tables';

export type { ChartDataTable } from './tables';

/** The text summary of a chart, for export and screen readers. */
export function summariseChart<K extends ChartKind>(kind: K, data: ChartDataByKind[K]): string {
  return kindOf(kind).summary(data);
}

/** The accessible data table of a chart. */
export function chartDataTable<K extends ChartKind>(kind: K, data: ChartDataByKind[K]): ChartDataTable {
  return kindOf(kind).table(data);
}

/** The kind's module; throws on a kind that does not exist (data from outside the type system). */
export function kindOf<K extends ChartKind>(kind: K): (typeof chartKinds)[K] {
  const module = chartKinds[kind] as (typeof chartKinds)[K] | undefined;
  if (module === undefined) throw new Error(`Unknown chart kind: ${String(kind)}`);
  return module;
}
