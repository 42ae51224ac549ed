import { describe, expect, it } from 'vitest';
import { compareByInterval } from '../../../../../electron/services/library/compare/ciOverlap';
import { quintileOf } from '../../../../../electron/services/library/compare/quintiles';
import { trendTest } from '../../../../../electron/services/library/compare/trend';
import { chiSquareQuantile } from '../../../../../shared/stats';

describe('CI overlap (PHE "Technical Guide – RAG Rating Indicator Values", fingertips.phe.org.uk/profile/guidance)', () => {
  it('Similar when the benchmark lies inside the interval, else the side judged by polarity', () => {
    // Leicester 2015 in the real download: 51.66 (44.33–59.86) vs England 94.73, low is good → Better.
    expect(compareByInterval({ value: 51.66, lower: 44.33, upper: 59.86 }, 94.73, 'low-is-good')).toBe('better');
    expect(compareByInterval({ value: 51.66, lower: 44.33, upper: 59.86 }, 94.73, 'high-is-good')).toBe('worse');
    expect(compareByInterval({ value: 51.66, lower: 44.33, upper: 59.86 }, 94.73, null)).toBe('lower');
    expect(compareByInterval({ value: 90, lower: 85, upper: 95 }, 94.73, 'low-is-good')).toBe('similar');
    expect(compareByInterval({ value: 90, lower: null, upper: 95 }, 94.73, 'low-is-good')).toBeNull();
  });

  it('a benchmark exactly on a limit is Similar; just outside it is not', () => {
    const leicester = { value: 51.66, lower: 44.329, upper: 59.856 };
    expect(compareByInterval(leicester, 44.329, 'high-is-good')).toBe('similar');
    expect(compareByInterval(leicester, 59.856, 'high-is-good')).toBe('similar');
    expect(compareByInterval(leicester, 44.3289, 'high-is-good')).toBe('better');
    expect(compareByInterval(leicester, 59.8561, 'high-is-good')).toBe('worse');
  });

  it('nothing to compare: a missing or non-finite value, limit or benchmark, or limits the wrong way round', () => {
    const cases: [number | null, number | null, number | null, number | null][] = [
      [51.66, null, null, 94.726],
      [51.66, 44.329, null, 94.726],
      [null, 44.329, 59.856, 94.726],
      [51.66, 44.329, 59.856, null],
      [51.66, Number.NaN, 59.856, 94.726],
      [51.66, 44.329, Number.POSITIVE_INFINITY, 94.726],
      [51.66, 44.329, 59.856, Number.NaN],
      [51.66, 59.856, 44.329, 94.726],
    ];
    for (const [value, lower, upper, benchmark] of cases) {
      expect(compareByInterval({ value, lower, upper }, benchmark, 'low-is-good'), JSON.stringify([value, lower, upper, benchmark])).toBeNull();
    }
  });

  it('at 99.8% with the file\'s own 99.8% limits: wider, so Similar where 95% says otherwise', () => {
    // The constructed 99.8% case (test/fixtures/fingertips/constructed/comparison-cases.csv, 990006).
    expect(compareByInterval({ value: 54, lower: 51, upper: 57 }, 50, 'low-is-good')).toBe('worse'); // 95%
    expect(compareByInterval({ value: 54, lower: 49.5, upper: 58.5 }, 50, 'low-is-good')).toBe('similar'); // 99.8%
  });
});

describe('quintiles (PHEindicatormethods phe_quantile: q = ceil(5 × rank / n))', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('RAG Best … Worst by polarity, BOB Lowest … Highest without', () => {
    expect(ten.map((v) => quintileOf(v, ten, null))).toEqual(['lowest', 'lowest', 'low', 'low', 'middle', 'middle', 'high', 'high', 'highest', 'highest']);
    expect(quintileOf(10, ten, 'high-is-good')).toBe('best');
    expect(quintileOf(10, ten, 'low-is-good')).toBe('worst');
    expect(quintileOf(5, ten, 'high-is-good')).toBe('middle-quintile');
    expect(quintileOf(3, ten, 'low-is-good')).toBe('better-quintile');
    expect(quintileOf(3, [1, 2, 3], null)).toBeNull(); // too few areas
  });
});

describe("recent trend: chi-squared test for trend (Fingertips trend markers; Altman, Practical Statistics for Medical Research, pp. 261–265)", () => {
  it('1-df critical value at 95%', () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841, 3);
  });

  it('reproduces a published worked example of the test for linear trend in proportions', () => {
    // MRC CBU statistics wiki, "FAQ/ChiTrend" (lsr-wiki-01.mrc-cbu.cam.ac.uk/statswiki/FAQ/ChiTrend):
    // correct 3, 6, 10 of 12 at times 1–3; SPSS's linear-by-linear association = 7.96 (1 df, p = .005).
    // That statistic is (N − 1)/N × the Cochran–Armitage χ² we compute (N = 36).
    const points = [3, 6, 10].map((count) => ({ value: count / 12, count, denominator: 12 }));
    const t = trendTest(points, { proportion: true, minPoints: 3 })!;
    expect(t.direction).toBe('increasing');
    expect((t.chiSquared * 35) / 36).toBeCloseTo(7.96, 2);
    expect(t.slope).toBeCloseTo(7 / 24, 10); // (Σrt − RT/N) / (Σnt² − T²/N) = 7 / 24
  });

  it('needs five points (Fingertips: "at least five points"), and tests only the most recent five', () => {
    const flat = [5, 5, 5, 5].map((count) => ({ value: count / 100, count, denominator: 100 }));
    expect(trendTest(flat, { proportion: true })).toBeNull();
    const rising = [10, 20, 30, 40, 50, 60].map((count) => ({ value: count / 100, count, denominator: 100 }));
    expect(trendTest(rising, { proportion: true })!.direction).toBe('increasing');
    const noisy = [50, 52, 49, 51, 50].map((count) => ({ value: count / 100, count, denominator: 100 }));
    expect(trendTest(noisy, { proportion: true })!.direction).toBe('no-change');
  });

  it('for rates: weighted least squares on SEs from the 95% CIs', () => {
    // Equal SEs of 1 (CI ± 1.96): slope = ordinary least-squares slope = −2, χ² = β² Σ(t − t̄)² = 4 × 10 = 40.
    const points = [20, 18, 16, 14, 12].map((value) => ({ value, lower95: value - 1.959964, upper95: value + 1.959964 }));
    const t = trendTest(points, { proportion: false })!;
    expect(t.slope).toBeCloseTo(-2, 6);
    expect(t.chiSquared).toBeCloseTo(40, 4);
    expect(t.direction).toBe('decreasing');
    expect(trendTest(points.map((p) => ({ value: p.value })), { proportion: false })).toBeNull();
  });
});
