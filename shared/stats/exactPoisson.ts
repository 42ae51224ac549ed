import { chiSquareQuantile } from './gamma';
import { checkCount, checkLevel, type Interval } from './interval';

/**
 * Exact (Garwood) Poisson limits of an observed count O at a two-sided level:
 *   lower = χ²(α/2; 2O) / 2      (0 when O = 0)
 *   upper = χ²(1 − α/2; 2O + 2) / 2
 */
export function exactPoissonCountCI(count: number, level: number = 0.95): Interval {
  checkCount(count);
  checkLevel(level);
  const alpha = 1 - level;
  return {
    lower: count === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * count) / 2,
    upper: chiSquareQuantile(1 - alpha / 2, 2 * count + 2) / 2,
  };
}
