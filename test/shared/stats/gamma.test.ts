import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  inverseRegularisedGammaP,
  logGamma,
  regularisedGammaP,
} from '../../../shared/stats/gamma';

describe('logGamma', () => {
  it('matches known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13); // Γ(½) = √π
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12); // Γ(10) = 9!
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    expect(logGamma(1000.5)).toBeCloseTo(5908.674175848678, 8);
  });

  it('rejects x ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});

describe('regularisedGammaP', () => {
  it('equals 1 − e^−x when a = 1 (series and continued-fraction branches)', () => {
    for (const x of [0.01, 0.5, 1.9, 2.1, 10, 40]) {
      expect(regularisedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
    }
  });

  it('matches closed forms and reference values', () => {
    expect(regularisedGammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 14); // erf(1)
    expect(regularisedGammaP(3, 2)).toBeCloseTo(1 - 5 * Math.exp(-2), 14);
    expect(regularisedGammaP(100, 100)).toBeCloseTo(0.5132987982791487, 12);
    expect(regularisedGammaP(50, 30)).toBeCloseTo(0.0005188914625480344, 14);
  });

  it('stays accurate for large shapes, where the expansions need thousands of terms', () => {
    expect(regularisedGammaP(1e4, 9900)).toBeCloseTo(0.15865119219356463, 10);
    expect(regularisedGammaP(1e4, 10100)).toBeCloseTo(0.8413487504471796, 10);
    expect(regularisedGammaP(1e6, 998040.9833402939)).toBeCloseTo(0.025, 9);
  });

  it('is 0 at x = 0 and 1 at x = ∞', () => {
    expect(regularisedGammaP(2.5, 0)).toBe(0);
    expect(regularisedGammaP(2.5, Infinity)).toBe(1);
  });

  it('rejects bad arguments', () => {
    expect(() => regularisedGammaP(0, 1)).toThrow(RangeError);
    expect(() => regularisedGammaP(1, -1)).toThrow(RangeError);
    expect(() => regularisedGammaP(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('inverseRegularisedGammaP', () => {
  it('inverts regularisedGammaP across shapes and tails', () => {
    for (const a of [0.5, 1, 2, 5.5, 10, 50, 1000]) {
      for (const p of [1e-6, 0.001, 0.025, 0.5, 0.975, 0.999]) {
        const x = inverseRegularisedGammaP(a, p);
        expect(regularisedGammaP(a, x)).toBeCloseTo(p, 12);
      }
    }
  });

  it('matches reference quantiles for a large shape (not just its own P)', () => {
    expect(inverseRegularisedGammaP(1e5, 0.025)).toBeCloseTo(99381.15266374472, 5);
    expect(inverseRegularisedGammaP(1e5, 0.975)).toBeCloseTo(100620.74164077373, 5);
  });

  it('gives −ln(1 − p) when a = 1', () => {
    expect(inverseRegularisedGammaP(1, 0.975)).toBeCloseTo(-Math.log(0.025), 12);
    expect(inverseRegularisedGammaP(1, 0.025)).toBeCloseTo(-Math.log(0.975), 14);
  });

  it('handles p = 0 and p = 1, and rejects p outside [0, 1]', () => {
    expect(inverseRegularisedGammaP(3, 0)).toBe(0);
    expect(inverseRegularisedGammaP(3, 1)).toBe(Infinity);
    expect(() => inverseRegularisedGammaP(3, -0.1)).toThrow(RangeError);
    expect(() => inverseRegularisedGammaP(3, 1.1)).toThrow(RangeError);
  });
});

describe('chiSquareQuantile', () => {
  it('matches published chi-square table values', () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841458820694124, 10);
    expect(chiSquareQuantile(0.999, 1)).toBeCloseTo(10.827566170662733, 10);
    expect(chiSquareQuantile(0.975, 2)).toBeCloseTo(7.377758908227871, 10);
    expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.307038053275146, 10);
    expect(chiSquareQuantile(0.05, 10)).toBeCloseTo(3.9402991361190605, 10);
    expect(chiSquareQuantile(0.99, 200)).toBeCloseTo(249.4451229814416, 8);
    expect(chiSquareQuantile(1e-10, 3)).toBeCloseTo(5.20939762143448e-7, 15);
  });

  it('rejects df ≤ 0', () => {
    expect(() => chiSquareQuantile(0.5, 0)).toThrow(RangeError);
  });
});
