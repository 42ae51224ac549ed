import { checkProportionInputs, type Interval } from './interval';
import { Z95 } from './normal';

/**
 * Wilson score interval for a proportion, as proportions (0..1); scale by the multiplier yourself.
 * Count 0 gives lower exactly 0, count = denominator gives upper exactly 1.
 */
export function wilsonCI(count: number, denominator: number, z: number = Z95): Interval {
  checkProportionInputs(count, denominator);
  const n = denominator;
  const p = count / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const halfWidth = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return {
    lower: count === 0 ? 0 : (centre - halfWidth) / scale,
    upper: count === denominator ? 1 : (centre + halfWidth) / scale,
  };
}
