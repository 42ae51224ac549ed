/**
 * What the chart service hands a chart builder, and what the author chose about the chart.
 * The builders (trend, compare, basket, inequality) are pure: this data in, a vega-lite spec out.
 */
import type { Comparison, RecentTrend } from '../library/comparison';
import type { IndicatorMeta, IndicatorValue } from '../library/types';

import type { ChartKind } from './definition';
import type { ChartDataByKind } from './kinds';

export { CHART_KINDS, ENGLAND_CODE, type ChartKind } from './definition';
export type { ChartDataByKind } from './kinds';

/**
 * One published value with its comparisons and recent trend exactly as the library holds them: the
 * publisher's label verbatim (`source: 'file'`), else computed by the library and said so
 * (`source: 'computed'`, with the method), else nothing (`source: 'none'`, e.g. a modelled estimate).
 * Charts never recompute a comparison: they colour and word these.
 */
export interface ChartRow extends IndicatorValue {
  /** Compared with England (England's own rows: not compared, source none). */
  comparedEngland: Comparison;
  comparedParent: Comparison | null;
  recentTrend: RecentTrend | null;
}

/** A comparator series: England, the parent (e.g. the region) or an area the author chose. */
export interface Comparator {
  /** Display name, e.g. "England", "East Midlands region". */
  name: string;
  /** Area code, e.g. "E92000001". */
  code: string;
  /** Same indicator, sex and age as the chart's rows; any periods; sorted or not. */
  rows: ChartRow[];
}

/**
 * Data for the single-indicator kinds: 'trend', 'compare' and 'inequality'.
 *
 * - trend: `rows` are the selected area(s), every period in the chosen range. Each area is its own
 *   line; areas keep the order in which they first appear in `rows`.
 * - compare: `rows` are the selected area(s); the chart shows the latest period (the greatest
 *   `periodSortable` in `rows`), one bar per selected area then one per non-England comparator.
 * - inequality: `rows` are one area's values by category (`categoryType` non-empty, e.g. the ten
 *   "County & UA deprivation deciles in England (IMD2015)"), plus that area's overall value as a
 *   row with `categoryType` '' (drawn as a rule). The latest period in the category rows is drawn.
 *
 * Builders sort by `periodSortable` themselves (never by the period text), so order is not required.
 * Suppressed values are `value: null` and stay null: they leave gaps, never zeros.
 */
export interface SeriesChartData {
  indicator: IndicatorMeta;
  rows: ChartRow[];
  /** England first (the benchmark, when available), then parent/region, then areas the author chose. */
  comparators: Comparator[];
}

/** Groups in seed 004's "basket of indicators"; any other group name is allowed. */
export type BasketGroup = 'Population outcomes' | 'Operational measures' | (string & {});

export interface BasketItem {
  indicator: IndicatorMeta;
  /** The area's latest row for this indicator, or null when it has none. */
  latest: IndicatorValue | null;
  /** England's row for the same period, or null. */
  england: IndicatorValue | null;
  /** `latest` compared with England, as the library holds it (see ChartRow.comparedEngland). */
  comparison: Comparison;
  /** `latest`'s recent trend as published (or computed and said so); null when there is none. */
  trend: RecentTrend | null;
  /** Items are shown under their group, groups in order of first appearance; ungrouped items first. */
  group?: BasketGroup;
}

/** Data for the 'basket' kind: one row per indicator for one area. */
export interface BasketChartData {
  /** The area the basket describes (named even when no indicator has a value for it). */
  area: { code: string; name: string };
  items: BasketItem[];
}

export type ChartData = ChartDataByKind[ChartKind];

/** A kind with its data: what `charts.data` returns and `figureOf` draws (typed by kind, no casts). */
export type KindedChartData = { [K in ChartKind]: { kind: K; data: ChartDataByKind[K] } }[ChartKind];

export interface ChartOptions {
  /** The headline title drawn above the chart. */
  title: string;
  /**
   * The figure caption. Not drawn inside the chart (export puts it in a <figcaption> outside the
   * image, so a screen reader does not hear it twice); carried in `usermeta.jsna.caption`.
   */
  caption?: string;
  /** Total width in pixels (default 640; basket 700). */
  width?: number;
  /** Height of the plotting area in pixels (default: trend 280; bar charts 30 px per bar). */
  height?: number;
}
