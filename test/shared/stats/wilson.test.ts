import { describe, expect, it } from 'vitest';
import { Z998 } from '../../../shared/stats/normal';
import { wilsonCI } from '../../../shared/stats/wilson';

describe('wilsonCI', () => {
  it('1 of 10 at 95% → 0.0179 to 0.4042', () => {
    const ci = wilsonCI(1, 10);
    expect(ci.lower).toBeCloseTo(0.0179, 4);
    expect(ci.upper).toBeCloseTo(0.4042, 4);
  });

  it('81 of 263 → 0.2553 to 0.3662 (Newcombe 1998, Table I)', () => {
    const ci = wilsonCI(81, 263);
    expect(ci.lower).toBeCloseTo(0.2553, 4);
    expect(ci.upper).toBeCloseTo(0.3662, 4);
  });

  it('0 of 10 → exactly 0 to 0.2775', () => {
    const ci = wilsonCI(0, 10);
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(0.2775, 4);
  });

  it('0 of n is exactly 0 even where the formula rounds to a tiny positive (n = 3, 7)', () => {
    expect(wilsonCI(0, 3).lower).toBe(0);
    expect(wilsonCI(0, 7).lower).toBe(0);
  });

  it('10 of 10 → 0.7225 to exactly 1', () => {
    const ci = wilsonCI(10, 10);
    expect(ci.lower).toBeCloseTo(0.7225, 4);
    expect(ci.upper).toBe(1);
  });

  it('is symmetric about ½ for 50 of 100', () => {
    const ci = wilsonCI(50, 100);
    expect(ci.lower).toBeCloseTo(0.4038, 4);
    expect(ci.upper).toBeCloseTo(0.5962, 4);
  });

  it('uses z: 99.8% is wider than 95%', () => {
    const narrow = wilsonCI(30, 100);
    const wide = wilsonCI(30, 100, Z998);
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });

  it('throws a clear RangeError for impossible inputs', () => {
    expect(() => wilsonCI(-1, 10)).toThrow(/count must be .* ≥ 0/);
    expect(() => wilsonCI(11, 10)).toThrow(/count \(11\) cannot be greater than the denominator \(10\)/);
    expect(() => wilsonCI(0, 0)).toThrow(/denominator must be .* > 0/);
    expect(() => wilsonCI(1, -10)).toThrow(RangeError);
    expect(() => wilsonCI(Number.NaN, 10)).toThrow(RangeError);
  });
});
