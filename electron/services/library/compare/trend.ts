import { chiSquareQuantile } from '../../../../shared/stats/gamma';

export interface TrendPoint {
  value: number;
  /** Proportions: count and denominator. Others: the 95% CI, for the value's standard error. */
  count?: number | null;
  denominator?: number | null;
  lower95?: number | null;
  upper95?: number | null;
}

export interface TrendTest {
  direction: 'increasing' | 'decreasing' | 'no-change';
  /** The gradient per period, and the chi-squared statistic (1 df). */
  slope: number;
  chiSquared: number;
}

/**
 * Fingertips' test for a "recent" trend over the most recent five points ("Fingertips trend markers",
 * fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Presentation/Trend_markers.html):
 *
 * - proportions: the chi-squared test for linear trend in proportions (Cochran–Armitage; Altman,
 *   Practical Statistics for Medical Research, pp. 261–265), time scored 1…n:
 *   β = (Σ rᵢtᵢ − R·T/N) / (Σ nᵢtᵢ² − T²/N), χ² = β² (Σ nᵢtᵢ² − T²/N) / (p̄(1 − p̄)),
 *   with T = Σ nᵢtᵢ, R = Σ rᵢ, N = Σ nᵢ, p̄ = R/N;
 * - other values: weighted least squares of value on time with weights 1/SE², the SE from the 95% CI
 *   ((upper − lower) / (2 × 1.96)); χ² = β̂² / var(β̂) = β̂² Σ wᵢ(tᵢ − t̄)².
 *
 * Significant when χ² exceeds the 1-df chi-squared quantile at `level` (default 0.95, 3.841).
 * Null when the points cannot be tested (fewer than `minPoints`, missing counts or CIs).
 */
export function trendTest(points: readonly TrendPoint[], opts: { proportion: boolean; level?: number; minPoints?: number }): TrendTest | null {
  const minPoints = opts.minPoints ?? 5;
  const recent = points.slice(-5);
  if (recent.length < minPoints) return null;
  const critical = chiSquareQuantile(opts.level ?? 0.95, 1);
  let slope: number;
  let chi: number;
  if (opts.proportion) {
    if (recent.some((p) => p.count == null || p.denominator == null || !(p.denominator > 0))) return null;
    let N = 0, R = 0, T = 0, RT = 0, NTT = 0;
    recent.forEach((p, i) => {
      const t = i + 1;
      const n = p.denominator!;
      const r = p.count!;
      N += n;
      R += r;
      T += n * t;
      RT += r * t;
      NTT += n * t * t;
    });
    const sxx = NTT - (T * T) / N;
    const pbar = R / N;
    if (sxx <= 0 || pbar <= 0 || pbar >= 1) return null;
    slope = (RT - (R * T) / N) / sxx;
    chi = (slope * slope * sxx) / (pbar * (1 - pbar));
  } else {
    if (recent.some((p) => p.lower95 == null || p.upper95 == null || !(p.upper95! > p.lower95!))) return null;
    const w = recent.map((p) => {
      const se = (p.upper95! - p.lower95!) / (2 * 1.959964);
      return 1 / (se * se);
    });
    const W = w.reduce((a, b) => a + b, 0);
    const tbar = w.reduce((a, wi, i) => a + wi * (i + 1), 0) / W;
    const ybar = w.reduce((a, wi, i) => a + wi * recent[i]!.value, 0) / W;
    const sxx = w.reduce((a, wi, i) => a + wi * (i + 1 - tbar) ** 2, 0);
    slope = w.reduce((a, wi, i) => a + wi * (i + 1 - tbar) * (recent[i]!.value - ybar), 0) / sxx;
    chi = slope * slope * sxx;
  }
  const direction = chi > critical ? (slope > 0 ? 'increasing' : 'decreasing') : 'no-change';
  return { direction, slope, chiSquared: chi };
}
