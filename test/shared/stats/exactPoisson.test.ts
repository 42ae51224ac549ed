import { describe, expect, it } from 'vitest';
import { exactPoissonCountCI } from '../../../shared/stats/exactPoisson';

/** Pr(X ≤ k) for X ~ Poisson(λ), summed directly: an independent check on the chi-square route. */
function poissonCdf(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= lambda / i;
    sum += term;
  }
  return sum;
}

describe('exactPoissonCountCI', () => {
  it.each([
    // O, lower, upper: 95% exact Poisson limits as tabulated (e.g. Documenta Geigy; PHE Technical Guide)
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [2, 0.2422, 7.225],
    [5, 1.6235, 11.668],
    [9, 4.1154, 17.085],
  ])('O = %i → %f to %f', (count, lower, upper) => {
    const ci = exactPoissonCountCI(count);
    expect(ci.lower).toBeCloseTo(lower, 3);
    expect(ci.upper).toBeCloseTo(upper, 3);
  });

  it('O = 0 has lower exactly 0 and upper −ln(0.025)', () => {
    const ci = exactPoissonCountCI(0);
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(-Math.log(0.025), 12);
  });

  it('limits put α/2 in each Poisson tail', () => {
    for (const count of [1, 3, 7, 20]) {
      const { lower, upper } = exactPoissonCountCI(count);
      expect(1 - poissonCdf(count - 1, lower)).toBeCloseTo(0.025, 12); // Pr(X ≥ O | λ = lower)
      expect(poissonCdf(count, upper)).toBeCloseTo(0.025, 12); // Pr(X ≤ O | λ = upper)
    }
  });

  it('takes the level: 99.8% for O = 0 → upper −ln(0.001) = 6.908', () => {
    const ci = exactPoissonCountCI(0, 0.998);
    expect(ci.upper).toBeCloseTo(6.907755278982137, 10);
    const five = exactPoissonCountCI(5, 0.998);
    expect(five.lower).toBeCloseTo(0.7393717319178323, 10);
    expect(five.upper).toBeCloseTo(16.454745203680105, 10);
  });

  it('is right for a very large count (1,000,000)', () => {
    const ci = exactPoissonCountCI(1e6);
    expect(ci.lower).toBeCloseTo(998040.9833402939, 4);
    expect(ci.upper).toBeCloseTo(1001961.9119454322, 4);
  });

  it('rejects a negative count or a level outside (0, 1)', () => {
    expect(() => exactPoissonCountCI(-1)).toThrow(RangeError);
    expect(() => exactPoissonCountCI(5, 95)).toThrow(/confidence level/);
  });
});
