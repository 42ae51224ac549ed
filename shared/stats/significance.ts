import { COMPARISON_COLOURS } from '../library/comparison';
import type { Polarity, Significance } from '../library/types';

export interface AreaWithCI {
  value: number | null;
  lower95: number | null;
  upper95: number | null;
}

const known = (x: number | null): x is number => x !== null && Number.isFinite(x);

/**
 * Fingertips' default comparison of an area with a benchmark by its 95% CI.
 * Missing value, CI or benchmark (or a CI with lower > upper) → 'Not compared'.
 * Benchmark inside [lower95, upper95], limits included → 'Similar'.
 * Otherwise Better/Worse by polarity, or Higher/Lower when polarity is 'no-judgement' or unknown.
 */
export function compareWithBenchmark(
  area: AreaWithCI,
  benchmarkValue: number | null,
  polarity: Polarity | null,
): Significance {
  const { value, lower95, upper95 } = area;
  if (!known(value) || !known(lower95) || !known(upper95) || !known(benchmarkValue)) return 'Not compared';
  if (lower95 > upper95) return 'Not compared';
  if (benchmarkValue >= lower95 && benchmarkValue <= upper95) return 'Similar';
  const higher = lower95 > benchmarkValue;
  switch (polarity) {
    case 'high-is-good':
      return higher ? 'Better' : 'Worse';
    case 'low-is-good':
      return higher ? 'Worse' : 'Better';
    case 'no-judgement':
    case null:
      return higher ? 'Higher' : 'Lower';
  }
}

/** Fingertips' colours for each comparison (the one palette, shared/library/comparison.ts). Always show the words too. */
export const significanceColours: Record<Significance, string> = {
  Better: COMPARISON_COLOURS.better,
  Similar: COMPARISON_COLOURS.similar,
  Worse: COMPARISON_COLOURS.worse,
  // Fingertips' two blues for indicators without polarity: never the same colour for Higher and Lower.
  Higher: COMPARISON_COLOURS.higher,
  Lower: COMPARISON_COLOURS.lower,
  'Not compared': COMPARISON_COLOURS['not-compared'],
};

/** The comparison in words, e.g. "significantly better than England". */
export function describeSignificance(sig: Significance, benchmarkName: string): string {
  switch (sig) {
    case 'Similar':
      return `statistically similar to ${benchmarkName}`;
    case 'Not compared':
      return `not compared with ${benchmarkName}`;
    case 'Better':
    case 'Worse':
    case 'Higher':
    case 'Lower':
      return `significantly ${sig.toLowerCase()} than ${benchmarkName}`;
  }
}
