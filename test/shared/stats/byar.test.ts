import { describe, expect, it } from 'vitest';
import { byarCountCI } from '../../../shared/stats/byar';
import { Z998 } from '../../../shared/stats/normal';

describe('byarCountCI', () => {
  it('Leicester 2015 campylobacter: 177 of 342,627 per 100,000 → 44.329 to 59.856 (Fingertips)', () => {
    const { lower, upper } = byarCountCI(177);
    const per100k = (x: number) => (x / 342627) * 100000;
    expect(per100k(lower)).toBeCloseTo(44.329, 3);
    expect(per100k(upper)).toBeCloseTo(59.856, 3);
  });

  it('England 2015 campylobacter: 51,897 of 54,786,327 → 93.9129 to 95.5447 (Fingertips)', () => {
    const { lower, upper } = byarCountCI(51897);
    expect((lower / 54786327) * 100000).toBeCloseTo(93.9129396546008, 4);
    expect((upper / 54786327) * 100000).toBeCloseTo(95.5447303303505, 4);
  });

  it('follows the formula for a small count', () => {
    const { lower, upper } = byarCountCI(10);
    expect(lower).toBeCloseTo(4.787449913967563, 12);
    expect(upper).toBeCloseTo(18.391458605756473, 12);
  });

  it('gives lower 0 for a count of 0, and a positive upper', () => {
    const { lower, upper } = byarCountCI(0);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(3.6680118321737507, 12);
  });

  it('uses z: 99.8% is wider than 95%', () => {
    const narrow = byarCountCI(50);
    const wide = byarCountCI(50, Z998);
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });

  it('rejects a negative count', () => {
    expect(() => byarCountCI(-1)).toThrow(/count must be .* ≥ 0/);
  });
});
