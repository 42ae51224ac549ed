/**
 * The spine chart's scale, as Fingertips draws its area profiles: for each indicator, the values of
 * every area of the chosen area's type make a bar from the worst to the best area, with the 25th–75th
 * percentile band darker; England sits at the centre, and the scale reaches as far on both sides as
 * the farther of the worst and best areas (so England is always the middle). Where lower is better
 * the bar is flipped so that "best" is always on the right; without a polarity the bar runs from the
 * lowest to the highest value.
 *
 * Percentiles are R's default (type 7: linear interpolation between order statistics), as used by
 * fingertipscharts' spine_rescaler.
 */
import type { Polarity } from '../../../library/types';

export interface Distribution {
  /** How many areas of the type have a value. */
  n: number;
  min: number;
  q25: number;
  q75: number;
  max: number;
}

/** Type-7 quantile of already sorted values (ascending); p in [0, 1]. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Min, quartiles and max of the values (nulls and non-finite values left out); null when none. */
export function distributionOf(values: readonly (number | null)[]): Distribution | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { n: sorted.length, min: sorted[0]!, q25: quantileSorted(sorted, 0.25), q75: quantileSorted(sorted, 0.75), max: sorted[sorted.length - 1]! };
}

/** Positions on the spine from 0 (left) to 1 (right); England is at 0.5. */
export interface SpinePositions {
  /** Left end of the bar (the worst area, or the lowest without polarity). */
  left: number;
  /** The 25th–75th percentile band, left and right edges. */
  bandLeft: number;
  bandRight: number;
  /** Right end of the bar (the best area, or the highest). */
  right: number;
  /** Where a value sits on the same scale (null stays null). */
  at(value: number | null): number | null;
  /** Words for the two ends, e.g. Worst / Best, or Lowest / Highest without polarity. */
  leftWord: string;
  rightWord: string;
}

export function spinePositions(d: Distribution, england: number | null, polarity: Polarity | null): SpinePositions {
  const centre = england ?? (d.min + d.max) / 2;
  const reach = Math.max(centre - d.min, d.max - centre);
  const flip = polarity === 'low-is-good';
  const raw = (v: number) => (reach === 0 ? 0.5 : (v - (centre - reach)) / (2 * reach));
  const at = (v: number | null) => (v === null || !Number.isFinite(v) ? null : clamp(flip ? 1 - raw(v) : raw(v)));
  const ends = [at(d.min)!, at(d.max)!].sort((a, b) => a - b) as [number, number];
  const band = [at(d.q25)!, at(d.q75)!].sort((a, b) => a - b) as [number, number];
  const judged = polarity === 'high-is-good' || polarity === 'low-is-good';
  return {
    left: ends[0],
    bandLeft: band[0],
    bandRight: band[1],
    right: ends[1],
    at,
    leftWord: judged ? 'Worst' : 'Lowest',
    rightWord: judged ? 'Best' : 'Highest',
  };
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}
