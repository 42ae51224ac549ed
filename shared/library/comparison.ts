/**
 * How an area compares with a benchmark, and its recent trend — as the publisher states them.
 *
 * The source is the authority: where a Fingertips row carries a label ("Better", "Not compared",
 * "Highest", "Increasing and getting worse", …) that label is kept verbatim and shown. We compute a
 * comparison or a trend only where the source gives none, and say so (`source: 'computed'` with the
 * method). Modelled or synthetic estimates, aggregated values and values without a CI are never
 * compared by us unless the indicator's metadata asks for it.
 *
 * This file is the contract between the library (which stores and returns these) and the charts
 * (which colour and word them). Types and the fixed Fingertips vocabulary only; no logic that
 * decides a comparison lives here.
 */

/** Fingertips' comparison methods, set per indicator (metadata; inferred from a file where it can be). */
export type ComparisonMethod =
  /** The benchmark inside the area's 95% CI → Similar (Fingertips' default). */
  | 'ci-overlap-95'
  /** The same with the 99.8% limits (the file's `Lower/Upper CI 99.8 limit`). */
  | 'ci-overlap-99.8'
  /** Quintiles of all areas of the type: Best … Worst (RAG) or Lowest … Highest (no polarity). */
  | 'quintiles'
  /** Compared with a target ("Compared to goal"). */
  | 'goal'
  /** The publisher does not compare this indicator. */
  | 'not-compared';

export const COMPARISON_METHODS: readonly ComparisonMethod[] = ['ci-overlap-95', 'ci-overlap-99.8', 'quintiles', 'goal', 'not-compared'];

/**
 * What a label means, for its colour and its words: one value per entry of Fingertips' legends.
 * `unknown` is a label we do not recognise: kept verbatim, shown in words, drawn grey, flagged at import.
 */
export type ComparisonOutcome =
  | 'better'
  | 'similar'
  | 'worse'
  | 'higher'
  | 'lower'
  | 'best'
  | 'better-quintile'
  | 'middle-quintile'
  | 'worse-quintile'
  | 'worst'
  | 'lowest'
  | 'low'
  | 'middle'
  | 'high'
  | 'highest'
  | 'not-compared'
  | 'unknown';

/** Where a comparison (or trend) came from. */
export type Provenance =
  /** The publisher's own label, read from the file. */
  | 'file'
  /** Computed by JSNA Studio because the source gives none (`method` says how). */
  | 'computed'
  /** Neither: the source says nothing and nothing may be computed (e.g. a modelled estimate). */
  | 'none';

export interface Comparison {
  /** The words shown, exactly: the publisher's label verbatim, or ours when computed ("Better"). */
  label: string;
  outcome: ComparisonOutcome;
  source: Provenance;
  /** How it was (or would be) compared; null when unknown. With `source: 'computed'` it is always set. */
  method: ComparisonMethod | null;
  /** The benchmark's area code (England E92000001, the parent's code, or null for a goal / none). */
  benchmarkCode: string | null;
}

/** Direction of a recent trend. */
export type TrendDirection = 'increasing' | 'decreasing' | 'no-change' | 'cannot-calculate' | 'unknown';

export interface RecentTrend {
  /** The words shown: the file's "Recent Trend" verbatim ("Increasing and getting better"), or ours. */
  label: string;
  direction: TrendDirection;
  /** Getting better / worse by the indicator's polarity; null where there is no judgement. */
  judgement: 'better' | 'worse' | null;
  source: Provenance;
  /** For a computed trend: the test used, e.g. "chi-squared test for trend, most recent 5 points". */
  method: string | null;
}

/**
 * The word Fingertips' legends give each outcome (RAG quintiles Best, Better, Middle, Worse, Worst;
 * BOB Lowest … Highest): the library's computed labels and the charts' legends use these.
 */
export const OUTCOME_WORDS: Record<Exclude<ComparisonOutcome, 'unknown'>, string> = {
  better: 'Better',
  similar: 'Similar',
  worse: 'Worse',
  higher: 'Higher',
  lower: 'Lower',
  best: 'Best',
  'better-quintile': 'Better',
  'middle-quintile': 'Middle',
  'worse-quintile': 'Worse',
  worst: 'Worst',
  lowest: 'Lowest',
  low: 'Low',
  middle: 'Middle',
  high: 'High',
  highest: 'Highest',
  'not-compared': 'Not compared',
};

/** Fingertips' colours for each outcome. Always show the words too, never colour alone. */
export const COMPARISON_COLOURS: Record<ComparisonOutcome, string> = {
  better: '#92D050',
  similar: '#FFC000',
  worse: '#C00000',
  // Fingertips' two blues for indicators without polarity (fingertipscharts' palette).
  higher: '#BED2FF',
  lower: '#5555E6',
  // RAG quintiles (Best … Worst).
  best: '#4E8F00',
  'better-quintile': '#92D050',
  'middle-quintile': '#FFC000',
  'worse-quintile': '#E46C0A',
  worst: '#C00000',
  // BOB quintiles (no polarity): Lowest … Highest, light to dark blue.
  lowest: '#E3E3FF',
  low: '#BED2FF',
  middle: '#8B8BF2',
  high: '#5555E6',
  highest: '#2B2BA8',
  'not-compared': '#C9C9C9',
  unknown: '#C9C9C9',
};
