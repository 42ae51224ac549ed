import { describe, expect, it } from 'vitest';
import { inequalitySpec } from '../../../../../shared/charts/kinds/inequality/spec';
import type { SeriesChartData } from '../../../../../shared/charts/types';
import { layerOf, values } from '../../helpers';
import { campylobacter, chartRows, DECILE_ORDER, englandComparator, englandDeciles2017, englandRows, leicesterRows, row, withByarCi } from '../../fixtures';

function shuffledDeciles(withCi: boolean): SeriesChartData {
  const deciles = withCi ? englandDeciles2017.map(withByarCi) : englandDeciles2017;
  const shuffled = [deciles[9]!, deciles[4]!, deciles[0]!, deciles[7]!, deciles[2]!, deciles[5]!, deciles[1]!, deciles[8]!, deciles[3]!, deciles[6]!];
  return { indicator: campylobacter, rows: chartRows([englandRows[2]!, ...shuffled]), comparators: [englandComparator()] };
}

describe('inequality chart', () => {
  it('puts deprivation deciles in decile order whatever the input order', () => {
    const spec = inequalitySpec(shuffledDeciles(false), { title: 'Campylobacter by deprivation decile, England, 2017' });
    const bars = values(spec).filter((v) => v.role === 'bar');
    expect(bars.map((b) => b.label)).toEqual(DECILE_ORDER);
    expect(layerOf(spec, 'bar').encoding.y.sort).toEqual(DECILE_ORDER);
    expect(bars.map((b) => b.value)).toEqual([
      70.0307017390667, 63.8242975932355, 86.1938492708588, 91.3391177085511, 96.0924284578595,
      106.601192697402, 100.99434245281, 106.855761494056, 107.318670794467, 111.726653310217,
    ]);
  });

  it("draws the area's overall value as a rule, labelled", () => {
    const spec = inequalitySpec(shuffledDeciles(false), { title: 't' });
    const overall = values(spec).find((v) => v.role === 'overall')!;
    expect(overall.value).toBe(96.6109417215551);
    expect(overall.text).toBe('England overall: 96.6');
    // The area is England: no separate England line.
    expect(values(spec).some((v) => v.role === 'benchmark')).toBe(false);
  });

  it('says "Not compared" in words where the file has no CIs (as for these aggregated deciles)', () => {
    const spec = inequalitySpec(shuffledDeciles(false), { title: 't' });
    const bars = values(spec).filter((v) => v.role === 'bar');
    expect(new Set(bars.map((b) => b.word))).toEqual(new Set(['Not compared']));
  });

  it('with CIs: whiskers, and each decile compared with the overall value in colour and words', () => {
    const spec = inequalitySpec(shuffledDeciles(true), { title: 't' });
    const bars = values(spec).filter((v) => v.role === 'bar');
    expect(bars.every((b) => b.lower < b.value && b.value < b.upper)).toBe(true);
    expect(bars.map((b) => b.word)).toEqual(['Better', 'Better', 'Better', 'Better', 'Similar', 'Worse', 'Worse', 'Worse', 'Worse', 'Worse']);
    expect(layerOf(spec, 'bar').encoding.fill.title).toBe('Compared with England');
    expect(layerOf(spec, 'rule', (l) => l.encoding.x2?.field === 'upper').encoding.x.field).toBe('lower');
  });

  it('keeps input order for categories that are not ranked', () => {
    const categories = ['White', 'Mixed', 'Asian', 'Black', 'Other'].map((category, i) =>
      row({ ...leicesterRows[2]!, categoryType: 'Ethnic groups', category, value: 40 + i, lower95: 30 + i, upper95: 50 + i }),
    );
    const spec = inequalitySpec({ indicator: campylobacter, rows: chartRows([...categories, leicesterRows[2]!]), comparators: [englandComparator()] }, { title: 't' });
    expect(values(spec).filter((v) => v.role === 'bar').map((b) => b.label)).toEqual(['White', 'Mixed', 'Asian', 'Black', 'Other']);
    // A local area: its overall value and England's.
    expect(values(spec).filter((v) => v.role !== 'bar').map((v) => v.text)).toEqual(['Leicester overall: 49.7', 'England: 96.6']);
  });
});
