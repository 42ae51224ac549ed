import type { CiMethod, ValueType } from '../library/types';
import { byarCountCI } from './byar';
import { exactPoissonCountCI } from './exactPoisson';
import { checkCount, checkDenominator, type Interval } from './interval';
import { zForLevel } from './normal';
import { wilsonCI } from './wilson';

/** A value with its confidence interval, all on the indicator's scale (e.g. per 100,000 or %). */
export interface ValueWithCI<M extends CiMethod = Exclude<CiMethod, 'file'>> {
  value: number;
  lower: number;
  upper: number;
  method: M;
}

/** Counts below this use exact Poisson limits; from this up, Byar's (PHE Technical Guide: Confidence intervals). */
export const EXACT_POISSON_BELOW = 10;

/** Confidence limits for a Poisson count: exact below 10, Byar's from 10 up. */
export function poissonCountCI(count: number, level = 0.95): Interval & { method: 'byar' | 'exact-poisson' } {
  checkCount(count);
  return count < EXACT_POISSON_BELOW
    ? { ...exactPoissonCountCI(count, level), method: 'exact-poisson' }
    : { ...byarCountCI(count, zForLevel(level)), method: 'byar' };
}

function checkMultiplier(multiplier: number): void {
  if (!Number.isFinite(multiplier) || multiplier <= 0) {
    throw new RangeError(`multiplier must be a finite number > 0, got ${multiplier}`);
  }
}

/** A crude rate (count / denominator × multiplier) with Poisson limits: exact for count < 10, Byar's otherwise. */
export function rateCI(
  count: number,
  denominator: number,
  multiplier: number,
  level = 0.95,
): ValueWithCI<'byar' | 'exact-poisson'> {
  checkCount(count);
  checkDenominator(denominator);
  checkMultiplier(multiplier);
  const { lower, upper, method } = poissonCountCI(count, level);
  const scale = multiplier / denominator;
  return { value: count * scale, lower: lower * scale, upper: upper * scale, method };
}

/** A proportion (count / denominator × multiplier, default %) with Wilson score limits. */
export function proportionCI(count: number, denominator: number, multiplier = 100, level = 0.95): ValueWithCI<'wilson'> {
  checkMultiplier(multiplier);
  const { lower, upper } = wilsonCI(count, denominator, zForLevel(level));
  return { value: (count / denominator) * multiplier, lower: lower * multiplier, upper: upper * multiplier, method: 'wilson' };
}

/**
 * The value and CI the Fingertips way for a value type:
 * proportion → Wilson (multiplier null means %), rate → {@link rateCI}, count → the count with Poisson limits
 * (denominator and multiplier ignored), other → null. Also null when a needed input is missing.
 * Throws RangeError for impossible inputs (negative count, denominator ≤ 0, count > denominator for a proportion).
 */
export function computeCI(
  valueType: ValueType,
  count: number | null,
  denominator: number | null,
  multiplier: number | null,
  level = 0.95,
): ValueWithCI | null {
  if (count === null) return null;
  switch (valueType) {
    case 'proportion':
      return denominator === null ? null : proportionCI(count, denominator, multiplier ?? 100, level);
    case 'rate':
      return denominator === null || multiplier === null ? null : rateCI(count, denominator, multiplier, level);
    case 'count': {
      const { lower, upper, method } = poissonCountCI(count, level);
      return { value: count, lower, upper, method };
    }
    case 'other':
      return null;
  }
}
