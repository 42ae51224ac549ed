import type { Comparison, ComparisonMethod, RecentTrend } from './comparison';

/** Domain types of the indicator library, shared by services, charts, the UI and export. */

export type Polarity = 'high-is-good' | 'low-is-good' | 'no-judgement';
export type ValueType = 'proportion' | 'rate' | 'count' | 'other';
/** Fingertips' words for a comparison with a benchmark. Always shown in words, never colour alone. */
export type Significance = 'Better' | 'Similar' | 'Worse' | 'Higher' | 'Lower' | 'Not compared';
/** How a row's 95% CI was obtained. */
export type CiMethod = 'file' | 'wilson' | 'byar' | 'exact-poisson';

export interface IndicatorMeta {
  id: string;
  name: string;
  unit: string | null;
  polarity: Polarity | null;
  /** Where polarity came from: set by the author, read from a metadata file, or inferred from the file's labels. */
  polaritySource: 'author' | 'metadata' | 'inferred' | null;
  valueType: ValueType;
  /** For rates: per how many (e.g. 100000). */
  multiplier: number | null;
  definition: string | null;
  source: string | null;
  /** True for values that are not official statistics; every place that shows them must say so. */
  illustrative: boolean;
  // The library always sets the four below; optional only so that code building metas by hand need not.
  /** How the indicator is compared where the file gives no label; null: CI overlap at 95% by default. */
  comparisonMethod?: ComparisonMethod | null;
  comparisonMethodSource?: 'author' | 'metadata' | 'inferred' | null;
  /** Compute CIs and comparisons for modelled, aggregated and CI-less values too (default false). */
  computeForEstimates?: boolean;
  /** The target for comparison method 'goal'. */
  goal?: number | null;
}

export interface IndicatorValue {
  indicatorId: string;
  areaCode: string;
  areaName: string;
  areaType: string | null;
  sex: string;
  age: string;
  categoryType: string;
  category: string;
  /** As published, e.g. "2017/18" or "2015 - 17". Display this. */
  period: string;
  /** YYYYQQMM from the start year. Sort by this. */
  periodSortable: number;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  count: number | null;
  denominator: number | null;
  valueNote: string | null;
  ciMethod: CiMethod | null;
  /** The file's 99.8% limits (optional: chart code builds values without them). */
  lower998?: number | null;
  upper998?: number | null;
  /** The file's comparisons and trend as the library returns them (see ChartRow). */
  comparedEngland?: Comparison;
  comparedParent?: Comparison | null;
  comparedGoal?: Comparison | null;
  recentTrend?: RecentTrend | null;
}

export interface Vintage {
  id: number;
  indicatorId: string;
  fileName: string;
  sha256: string;
  importedAt: string;
  rows: number;
}
