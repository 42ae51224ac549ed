/** Data for the spine chart ("area profile"): one area, one row per indicator of a basket. */
import type { Comparison, RecentTrend } from '../../../library/comparison';
import type { IndicatorMeta } from '../../../library/types';
import type { Distribution } from './scale';

export interface SpineRow {
  indicator: IndicatorMeta;
  /** The period shown: the area's latest with a value, else the latest the library has; null without data. */
  period: string | null;
  periodSortable: number | null;
  /** The area's own value, count and note for that period (value null when suppressed/missing). */
  value: number | null;
  count: number | null;
  valueNote: string | null;
  /** The area compared with England, as the source states it (or computed, and then said). */
  comparison: Comparison;
  recentTrend: RecentTrend | null;
  /** The area compared with its parent (e.g. its region), as the source states it; absent or null when none. */
  comparedParent?: Comparison | null;
  /** The area's parent (e.g. its region) for that period. */
  parent: { code: string; name: string; value: number | null } | null;
  england: number | null;
  /** Every area of the chosen area's type with a value for that period; null when none. */
  distribution: Distribution | null;
  /** The area type the distribution is over, e.g. "County & UA". */
  areaType: string | null;
  /** Why the row has no bar, said in words in place of it. */
  message?: string;
}

export interface SpineChartData {
  area: { code: string; name: string };
  /** The parent named in the rows (for the legend), if any. */
  parentName: string | null;
  rows: SpineRow[];
}
