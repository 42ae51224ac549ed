import { describe, expect, it } from 'vitest';
import { distributionOf, quantileSorted, spinePositions } from '../../../../../shared/charts/kinds/spine/scale';

describe('spine scale', () => {
  it('quartiles are R type 7 (linear interpolation): quantile(1:10, c(.25,.75)) = 3.25, 7.75', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileSorted(xs, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantileSorted(xs, 0.75)).toBeCloseTo(7.75, 12);
    expect(quantileSorted([5], 0.25)).toBe(5);
  });

  it('leaves out suppressed values and says null when there are none', () => {
    expect(distributionOf([null, 3, 1, null, 2])).toEqual({ n: 3, min: 1, q25: 1.5, q75: 2.5, max: 3 });
    expect(distributionOf([null])).toBeNull();
  });

  it('puts England at the centre and reaches as far as the farther end', () => {
    const d = { n: 5, min: 40, q25: 60, q75: 90, max: 100 };
    const p = spinePositions(d, 80, 'high-is-good');
    expect(p.at(80)).toBeCloseTo(0.5);
    // Farther end: 40 is 40 below England; 100 is 20 above, so the scale is 40..120.
    expect(p.left).toBeCloseTo(0);
    expect(p.right).toBeCloseTo(0.75);
    expect(p.bandLeft).toBeCloseTo(0.25);
    expect(p.bandRight).toBeCloseTo(0.625);
    expect([p.leftWord, p.rightWord]).toEqual(['Worst', 'Best']);
  });

  it('flips where lower is better, so best is always on the right', () => {
    const d = { n: 5, min: 40, q25: 60, q75: 90, max: 100 };
    const p = spinePositions(d, 80, 'low-is-good');
    expect(p.at(40)).toBeCloseTo(1);
    expect(p.at(100)).toBeCloseTo(0.25);
    expect(p.left).toBeCloseTo(0.25);
    expect(p.right).toBeCloseTo(1);
  });

  it('says Lowest and Highest where no judgement is made', () => {
    const p = spinePositions({ n: 2, min: 1, q25: 1, q75: 2, max: 2 }, null, null);
    expect([p.leftWord, p.rightWord]).toEqual(['Lowest', 'Highest']);
    expect(p.at(1)).toBeCloseTo(0);
    expect(p.at(2)).toBeCloseTo(1);
  });
});
