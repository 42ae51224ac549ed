import { describe, expect, it } from 'vitest';
import { computeCI, EXACT_POISSON_BELOW, proportionCI, rateCI } from '../../../shared/stats/rateCI';

describe('rateCI', () => {
  it('Leicester 2015 campylobacter (Fingertips): 177 / 342,627 per 100,000 → 51.66 (44.329–59.856), Byar', () => {
    const r = rateCI(177, 342627, 100000);
    expect(r.value).toBeCloseTo(51.66, 2);
    expect(r.lower).toBeCloseTo(44.329, 3);
    expect(r.upper).toBeCloseTo(59.856, 3);
    expect(r.method).toBe('byar');
  });

  it('England 2015 campylobacter (Fingertips): 51,897 / 54,786,327 → 94.7262 (93.9129–95.5447)', () => {
    const r = rateCI(51897, 54786327, 100000);
    expect(r.value).toBeCloseTo(94.7261896202678, 10);
    expect(r.lower).toBeCloseTo(93.9129396546008, 4);
    expect(r.upper).toBeCloseTo(95.5447303303505, 4);
    expect(r.method).toBe('byar');
  });

  it('uses exact Poisson below 10 and Byar from 10', () => {
    expect(EXACT_POISSON_BELOW).toBe(10);
    const nine = rateCI(9, 100000, 100000);
    expect(nine.method).toBe('exact-poisson');
    expect(nine.value).toBe(9);
    expect(nine.lower).toBeCloseTo(4.1154, 4);
    expect(nine.upper).toBeCloseTo(17.0848, 4);

    const ten = rateCI(10, 1000, 1000);
    expect(ten.method).toBe('byar');
    expect(ten.lower).toBeCloseTo(4.7874, 4); // exact would be 4.7954
    expect(ten.upper).toBeCloseTo(18.3915, 4); // exact would be 18.3904
  });

  it('count 0 → value 0, lower 0, upper 3.689 scaled', () => {
    const r = rateCI(0, 50000, 100000);
    expect(r).toMatchObject({ value: 0, lower: 0, method: 'exact-poisson' });
    expect(r.upper).toBeCloseTo((3.6888794541139354 / 50000) * 100000, 10);
  });

  it('takes a level: 99.8% is wider', () => {
    const r95 = rateCI(177, 342627, 100000);
    const r998 = rateCI(177, 342627, 100000, 0.998);
    expect(r998.lower).toBeLessThan(r95.lower);
    expect(r998.upper).toBeGreaterThan(r95.upper);
  });

  it('rejects impossible inputs', () => {
    expect(() => rateCI(-1, 100, 1000)).toThrow(/count/);
    expect(() => rateCI(1, 0, 1000)).toThrow(/denominator/);
    expect(() => rateCI(1, 100, 0)).toThrow(/multiplier/);
  });
});

describe('proportionCI', () => {
  it('defaults to a percentage with Wilson limits', () => {
    const p = proportionCI(1, 10);
    expect(p.value).toBe(10);
    expect(p.lower).toBeCloseTo(1.79, 2);
    expect(p.upper).toBeCloseTo(40.42, 2);
    expect(p.method).toBe('wilson');
  });

  it('scales by the multiplier', () => {
    const p = proportionCI(81, 263, 1000);
    expect(p.value).toBeCloseTo(307.98, 2);
    expect(p.lower).toBeCloseTo(255.3, 1);
    expect(p.upper).toBeCloseTo(366.2, 1);
  });

  it('rejects count > denominator', () => {
    expect(() => proportionCI(11, 10)).toThrow(RangeError);
  });
});

describe('computeCI', () => {
  it('proportion → Wilson, with null multiplier meaning %', () => {
    expect(computeCI('proportion', 1, 10, 100)).toEqual(proportionCI(1, 10, 100));
    expect(computeCI('proportion', 1, 10, null)).toEqual(proportionCI(1, 10, 100));
    expect(computeCI('proportion', 1, 10, 1000)?.value).toBe(100);
  });

  it('rate → rateCI', () => {
    const r = computeCI('rate', 177, 342627, 100000);
    expect(r).toEqual(rateCI(177, 342627, 100000));
    expect(r?.lower).toBeCloseTo(44.329, 3);
  });

  it('count → the count itself with Poisson limits, denominator and multiplier ignored', () => {
    const big = computeCI('count', 177, 342627, 100000);
    expect(big?.value).toBe(177);
    expect(big?.method).toBe('byar');
    expect(big?.lower).toBeCloseTo((44.329 * 342627) / 100000, 2);
    expect(computeCI('count', 177, null, null)).toEqual(big);

    const small = computeCI('count', 5, null, null);
    expect(small?.method).toBe('exact-poisson');
    expect(small?.lower).toBeCloseTo(1.6235, 4);
    expect(small?.upper).toBeCloseTo(11.668, 3);
  });

  it('other → null; missing inputs → null', () => {
    expect(computeCI('other', 1, 10, 100)).toBeNull();
    expect(computeCI('rate', null, 10, 100)).toBeNull();
    expect(computeCI('rate', 1, null, 100)).toBeNull();
    expect(computeCI('rate', 1, 10, null)).toBeNull();
    expect(computeCI('proportion', 1, null, 100)).toBeNull();
    expect(computeCI('count', null, null, null)).toBeNull();
  });

  it('throws for impossible inputs rather than returning a wrong CI', () => {
    expect(() => computeCI('proportion', 11, 10, 100)).toThrow(RangeError);
    expect(() => computeCI('rate', 1, 0, 100000)).toThrow(RangeError);
    expect(() => computeCI('count', -3, null, null)).toThrow(RangeError);
  });
});
