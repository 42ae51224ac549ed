import type { ComparisonOutcome } from '../../../../shared/library/comparison';
import type { Polarity } from '../../../../shared/library/types';

/**
 * Fingertips' comparison of an area with a benchmark by confidence interval (the method behind its
 * RAG "Better / Similar / Worse" and, without polarity, "Higher / Similar / Lower"): the benchmark's
 * value inside the area's interval → Similar; else the side it lies on, judged by polarity. With
 * `ci-overlap-99.8` the interval is the 99.8% one (the file's "Lower/Upper CI 99.8 limit").
 * Source: PHE, "Technical Guide – RAG Rating Indicator Values" (fingertips.phe.org.uk/profile/guidance).
 * Null when there is nothing to compare (no value, no interval or no benchmark, or any of them not finite).
 */
export function compareByInterval(
  area: { value: number | null; lower: number | null; upper: number | null },
  benchmark: number | null,
  polarity: Polarity | null,
): ComparisonOutcome | null {
  const { value, lower, upper } = area;
  if (!finite(value) || !finite(lower) || !finite(upper) || !finite(benchmark) || lower > upper) return null;
  if (benchmark >= lower && benchmark <= upper) return 'similar';
  const above = lower > benchmark;
  return judged(above, polarity);
}

const finite = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** Above (true) or below a benchmark, in words of the indicator's polarity. */
export function judged(above: boolean, polarity: Polarity | null): ComparisonOutcome {
  if (polarity === 'high-is-good') return above ? 'better' : 'worse';
  if (polarity === 'low-is-good') return above ? 'worse' : 'better';
  return above ? 'higher' : 'lower';
}
