import { describe, expect, it } from 'vitest';
import {
  cleanText,
  formatCi,
  formatNumber,
  formatValue,
  formatValueWithUnit,
  listInWords,
  valueAxisTitle,
  valueCell,
  wrapText,
} from '../../../shared/charts/format';
import { deprivationRank, orderCategories, periodsInOrder } from '../../../shared/charts/data';
import { OUTCOME_ORDER, textColourOnOutcome } from '../../../shared/charts/comparisonLegend';
import { COMPARISON_COLOURS } from '../../../shared/library/comparison';
import { contrastRatio, OUTLINE_COLOUR, SERIES_COLOURS, ENGLAND_COLOUR, AXIS_COLOUR, OVERALL_COLOUR, TEXT_COLOUR } from '../../../shared/charts/theme';
import { campylobacter, DECILE_ORDER, englandDeciles2017, englandRows, leicesterRows, row } from './fixtures';

describe('number formatting', () => {
  it('rounds rates and percentages to 1 d.p. with thousands separators', () => {
    expect(formatValue(51.6596765578895, campylobacter)).toBe('51.7');
    expect(formatValue(44.3292799600907, campylobacter)).toBe('44.3');
    expect(formatValue(59.8560756159834, campylobacter)).toBe('59.9');
    expect(formatValue(1234567.891, campylobacter)).toBe('1,234,567.9');
    expect(formatValue(-0.04, campylobacter)).toBe('0.0');
    expect(formatValue(-1234.56, campylobacter)).toBe('-1,234.6');
    expect(formatValue(null, campylobacter)).toBe('not available');
  });

  it('shows counts as whole numbers with thousands separators', () => {
    const count = { ...campylobacter, valueType: 'count' as const, unit: null };
    expect(formatValue(54786327, count)).toBe('54,786,327');
    expect(formatValue(177, count)).toBe('177');
    expect(formatValueWithUnit(51897, count)).toBe('51,897');
    expect(valueAxisTitle(count)).toBe('Count');
  });

  it('puts the unit after the number and in the axis title', () => {
    expect(formatValueWithUnit(51.66, campylobacter)).toBe('51.7 per 100,000');
    const pct = { ...campylobacter, valueType: 'proportion' as const, unit: '%', multiplier: null };
    expect(formatValueWithUnit(12.345, pct)).toBe('12.3%');
    expect(valueAxisTitle(pct)).toBe('Percentage (%)');
    expect(valueAxisTitle(campylobacter)).toBe('Rate per 100,000');
    expect(valueAxisTitle({ ...campylobacter, unit: null })).toBe('Rate per 100,000');
    expect(formatCi(44.3292799600907, 59.8560756159834, campylobacter)).toBe('95% CI 44.3 to 59.9');
    expect(formatCi(null, 59.8, campylobacter)).toBeNull();
    expect(formatNumber(1000, 0)).toBe('1,000');
  });

  it('says why a value is missing', () => {
    expect(valueCell(null, 'Value for Cornwall & Isles of Scilly combined', campylobacter)).toBe('Value for Cornwall & Isles of Scilly combined');
    expect(valueCell(null, null, campylobacter)).toBe('suppressed');
    expect(valueCell(null, '  ', campylobacter)).toBe('suppressed');
  });

  it('cleans, wraps and lists text', () => {
    expect(cleanText('Campylobacter incidence rate/100,000\n')).toBe('Campylobacter incidence rate/100,000');
    expect(wrapText('Emergency admissions for asthma, epilepsy and diabetes', 20)).toEqual(['Emergency admissions', 'for asthma, epilepsy', 'and diabetes']);
    expect(wrapText('Supercalifragilistic', 8)).toEqual(['Superca-', 'lifragi-', 'listic']);
    expect(listInWords(['Leicester'])).toBe('Leicester');
    expect(listInWords(['Leicester', 'Rutland', 'Leicestershire'])).toBe('Leicester, Rutland and Leicestershire');
  });
});

describe('chart data helpers', () => {
  it('orders periods by periodSortable, not alphabetically', () => {
    const rows = [
      row({ ...leicesterRows[0]!, period: 'Mar 2020', periodSortable: 20200003 }),
      row({ ...leicesterRows[0]!, period: '2019/20', periodSortable: 20190000 }),
      row({ ...leicesterRows[0]!, period: '2020 Q1', periodSortable: 20200100 }),
      row({ ...leicesterRows[0]!, period: '2017 - 19', periodSortable: 20170000 }),
    ];
    // Alphabetically "2017 - 19" < "2019/20" < "2020 Q1" < "Mar 2020" — periodSortable puts Mar 2020 before Q1.
    expect(periodsInOrder(rows)).toEqual(['2017 - 19', '2019/20', 'Mar 2020', '2020 Q1']);
  });

  it('reads deprivation ranks from Fingertips category labels', () => {
    expect(DECILE_ORDER.map(deprivationRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(deprivationRank('Most deprived quintile (IMD2019)')).toBe(1);
    expect(deprivationRank('Least deprived quintile (IMD2019)')).toBe(5);
    expect(deprivationRank('Second least deprived quintile (IMD2019)')).toBe(4);
    expect(deprivationRank('Decile 3')).toBe(3);
    expect(deprivationRank('10 (least deprived)')).toBe(10);
    expect(deprivationRank('White British')).toBeNull();
  });

  it('orders deciles by rank whatever the input order, and other categories as given', () => {
    const shuffled = [...englandDeciles2017].reverse();
    shuffled.splice(3, 0, shuffled.splice(7, 1)[0]!);
    expect(orderCategories(shuffled).map((r) => r.category)).toEqual(DECILE_ORDER);
    const ethnic = ['White', 'Asian', 'Black', 'Mixed'].map((category) => ({ category }));
    expect(orderCategories(ethnic).map((r) => r.category)).toEqual(['White', 'Asian', 'Black', 'Mixed']);
  });
});

describe('colours', () => {
  it('uses the Fingertips significance colours', () => {
    expect(COMPARISON_COLOURS.better).toBe('#92D050');
    expect(COMPARISON_COLOURS.similar).toBe('#FFC000');
    expect(COMPARISON_COLOURS.worse).toBe('#C00000');
    expect(COMPARISON_COLOURS['not-compared']).toBe('#C9C9C9');
  });

  it('gives graphical objects whose meaning depends on colour at least 3:1 on white', () => {
    for (const c of [...SERIES_COLOURS, ENGLAND_COLOUR, AXIS_COLOUR, OUTLINE_COLOUR, OVERALL_COLOUR]) {
      expect(contrastRatio(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
    }
    // The light Fingertips fills fail on white — hence the dark outline and the words.
    expect(contrastRatio('#FFC000', '#ffffff')).toBeLessThan(3);
    expect(contrastRatio(OUTLINE_COLOUR, '#FFC000')).toBeGreaterThanOrEqual(3);
  });

  it('keeps words on comparison-coloured cells at 4.5:1 or better, for every outcome', () => {
    for (const o of OUTCOME_ORDER) expect(contrastRatio(textColourOnOutcome(o), COMPARISON_COLOURS[o]), o).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(TEXT_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
