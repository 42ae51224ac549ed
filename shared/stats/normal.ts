import { inverseRegularisedGammaP } from './gamma';
import { checkLevel } from './interval';

/** Two-sided 95% standard normal critical value: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;
/** Two-sided 99.8% standard normal critical value: Φ⁻¹(0.999). Fingertips' outer (funnel) limits. */
export const Z998 = 3.090232306167813;

/**
 * The two-sided critical value z for a confidence level (e.g. 0.95 → 1.95996…).
 * Uses z² ~ χ²(1), so z = √(2 · P⁻¹(½, level)); 0.95 and 0.998 return the constants exactly.
 */
export function zForLevel(level: number): number {
  checkLevel(level);
  if (level === 0.95) return Z95;
  if (level === 0.998) return Z998;
  return Math.sqrt(2 * inverseRegularisedGammaP(0.5, level));
}
