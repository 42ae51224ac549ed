/**
 * The regularised lower incomplete gamma function P(a, x), its inverse, and the
 * chi-square quantile built on it. Used for exact Poisson confidence limits.
 *
 * P(a, x) follows Numerical Recipes (series for x < a + 1, Lentz continued
 * fraction otherwise). The inverse is a safeguarded Newton iteration: Newton
 * steps inside a bracket that always contains the root, bisection when a step
 * would leave it.
 */

const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 1000;

/** Lanczos coefficients (g = 7, n = 9). */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma needs a finite x > 0, got ${x}`);
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

function checkShape(a: number): void {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`gamma shape a must be a finite number > 0, got ${a}`);
}

/**
 * Iterations allowed before giving up. Near x ≈ a both expansions need about 8√a terms
 * (a = 10⁶ needs ~8,400), so a fixed cap would silently truncate for large counts.
 */
function iterationLimit(a: number): number {
  return MAX_ITERATIONS + Math.ceil(20 * Math.sqrt(a));
}

function notConverged(a: number, x: number): Error {
  return new Error(`incomplete gamma did not converge for a = ${a}, x = ${x}`);
}

/** P(a, x) by its power series; converges quickly for x < a + 1. */
function seriesP(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  const limit = iterationLimit(a);
  for (let n = 1; ; n++) {
    if (n > limit) throw notConverged(a, x);
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Q(a, x) = 1 − P(a, x) by its continued fraction; converges quickly for x ≥ a + 1. */
function continuedFractionQ(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const limit = iterationLimit(a);
  for (let i = 1; ; i++) {
    if (i > limit) throw notConverged(a, x);
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), for a > 0, x ≥ 0. */
export function regularisedGammaP(a: number, x: number): number {
  checkShape(a);
  if (Number.isNaN(x) || x < 0) throw new RangeError(`regularisedGammaP needs x ≥ 0, got ${x}`);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? seriesP(a, x) : 1 - continuedFractionQ(a, x);
}

/** The x with P(a, x) = p, for a > 0 and 0 ≤ p ≤ 1. */
export function inverseRegularisedGammaP(a: number, p: number): number {
  checkShape(a);
  if (Number.isNaN(p) || p < 0 || p > 1) throw new RangeError(`probability must be between 0 and 1, got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;

  // Bracket the root: P(a, lo) < p ≤ P(a, hi).
  let lo = 0;
  let hi = Math.max(1, a);
  while (regularisedGammaP(a, hi) < p) {
    lo = hi;
    hi *= 2;
  }

  const logGammaA = logGamma(a);
  let x = (lo + hi) / 2;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const f = regularisedGammaP(a, x) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;

    const density = Math.exp((a - 1) * Math.log(x) - x - logGammaA);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2; // Newton left the bracket (or density underflowed)
    if (Math.abs(next - x) <= 1e-14 * x || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  throw new Error(`inverse incomplete gamma did not converge for a = ${a}, p = ${p}`);
}

/** Quantile of the chi-square distribution with `df` degrees of freedom: the x with Pr(χ² ≤ x) = p. */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`degrees of freedom must be a finite number > 0, got ${df}`);
  return 2 * inverseRegularisedGammaP(df / 2, p);
}
