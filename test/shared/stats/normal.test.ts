import { describe, expect, it } from 'vitest';
import { chiSquareQuantile } from '../../../shared/stats/gamma';
import { Z95, Z998, zForLevel } from '../../../shared/stats/normal';

describe('normal critical values', () => {
  it('Z95 and Z998 are Φ⁻¹(0.975) and Φ⁻¹(0.999)', () => {
    expect(Z95).toBe(1.959963984540054);
    expect(Z998).toBe(3.090232306167813);
    // z² is chi-square with 1 df: checks the constants independently of zForLevel's shortcut.
    expect(Math.sqrt(chiSquareQuantile(0.95, 1))).toBeCloseTo(Z95, 12);
    expect(Math.sqrt(chiSquareQuantile(0.998, 1))).toBeCloseTo(Z998, 12);
  });

  it('zForLevel gives the two-sided critical value', () => {
    expect(zForLevel(0.95)).toBe(Z95);
    expect(zForLevel(0.998)).toBe(Z998);
    expect(zForLevel(0.9)).toBeCloseTo(1.6448536269514722, 12);
    expect(zForLevel(0.99)).toBeCloseTo(2.5758293035489004, 12);
    expect(zForLevel(0.999)).toBeCloseTo(3.2905267314919255, 12);
  });

  it('rejects levels outside (0, 1)', () => {
    for (const level of [0, 1, 95, -0.5, Number.NaN]) expect(() => zForLevel(level)).toThrow(RangeError);
  });
});
