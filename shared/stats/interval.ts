/** A confidence interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/** Throws unless count is a finite number ≥ 0. */
export function checkCount(count: number): void {
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`count must be a finite number ≥ 0, got ${count}`);
}

/** Throws unless denominator is a finite number > 0. */
export function checkDenominator(denominator: number): void {
  if (!Number.isFinite(denominator) || denominator <= 0) {
    throw new RangeError(`denominator must be a finite number > 0, got ${denominator}`);
  }
}

/** Throws unless count and denominator make a proportion: 0 ≤ count ≤ denominator, denominator > 0. */
export function checkProportionInputs(count: number, denominator: number): void {
  checkCount(count);
  checkDenominator(denominator);
  if (count > denominator) throw new RangeError(`count (${count}) cannot be greater than the denominator (${denominator})`);
}

/** Throws unless level is strictly between 0 and 1. */
export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1 (exclusive), got ${level}`);
}
