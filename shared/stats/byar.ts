import { checkCount, type Interval } from './interval';
import { Z95 } from './normal';

/**
 * Byar's approximation to the exact Poisson limits of an observed count O:
 *   lower = O·(1 − 1/(9O) − z/(3√O))³            (0 when O = 0)
 *   upper = (O+1)·(1 − 1/(9(O+1)) + z/(3√(O+1)))³
 */
export function byarCountCI(count: number, z: number = Z95): Interval {
  checkCount(count);
  const o = count;
  const lower = o === 0 ? 0 : o * (1 - 1 / (9 * o) - z / (3 * Math.sqrt(o))) ** 3;
  const o1 = o + 1;
  const upper = o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3;
  return { lower, upper };
}
