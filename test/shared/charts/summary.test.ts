import { describe, expect, it } from 'vitest';
import { chartDataTable, summariseChart } from '../../../shared/charts/summary';
import type { SeriesChartData } from '../../../shared/charts/types';
import {
  campylobacter,
  chartRows,
  englandComparator,
  englandDeciles,
  englandRows,
  leicesterBasket,
  leicesterRows,
  leicesterTrend,
  neighbours,
  row,
} from './fixtures';

const deciles = englandDeciles;

describe('summariseChart', () => {
  it('trend: latest value with CI and period, comparison with England in words, recent change', () => {
    expect(summariseChart('trend', leicesterTrend('shuffled'))).toBe(
      'In 2017, the rate in Leicester was 49.7 per 100,000 (95% CI 42.5 to 57.6), significantly better than England (96.6). This is down from 51.7 in 2015.',
    );
  });

  it('trend, a single year: Leicester 2015 as published', () => {
    const data: SeriesChartData = { indicator: campylobacter, rows: chartRows([leicesterRows[0]!]), comparators: [englandComparator()] };
    expect(summariseChart('trend', data)).toBe(
      'In 2015, the rate in Leicester was 51.7 per 100,000 (95% CI 44.3 to 59.9), significantly better than England (94.7).',
    );
    const similar = { ...data, rows: chartRows([row({ ...leicesterRows[0]!, lower95: 44.3292799600907, upper95: 99.9 })]) };
    expect(summariseChart('trend', similar)).toBe(
      'In 2015, the rate in Leicester was 51.7 per 100,000 (95% CI 44.3 to 99.9), statistically similar to England (94.7).',
    );
  });

  it('trend: up from an earlier value, and with no polarity says higher/lower', () => {
    const rows = [leicesterRows[1]!, row({ ...leicesterRows[2]!, value: 98.0, lower95: 97.9, upper95: 98.1 })];
    const data: SeriesChartData = { indicator: { ...campylobacter, polarity: null }, rows: chartRows(rows, { ...campylobacter, polarity: null }), comparators: [englandComparator()] };
    expect(summariseChart('trend', data)).toBe(
      'In 2017, the rate in Leicester was 98.0 per 100,000 (95% CI 97.9 to 98.1), significantly higher than England (96.6). This is up from 47.4 in 2016.',
    );
  });

  it('trend: a suppressed latest value is said, then the most recent value', () => {
    const rows = chartRows([leicesterRows[0]!, leicesterRows[1]!, row({ ...leicesterRows[2]!, value: null, lower95: null, upper95: null, valueNote: null })]);
    expect(summariseChart('trend', { indicator: campylobacter, rows, comparators: [englandComparator()] })).toBe(
      'In 2017, no value was published for Leicester (value suppressed). The most recent value, in 2016, was 47.4 per 100,000 (95% CI 40.4 to 55.2), significantly better than England (89.1). This is down from 51.7 in 2015.',
    );
  });

  it('trend: illustrative data say so', () => {
    expect(summariseChart('trend', { ...leicesterTrend(), indicator: { ...campylobacter, illustrative: true } })).toMatch(
      / This is down from 51\.7 in 2015\. Illustrative data — not official statistics\.$/,
    );
  });

  it('compare: one sentence per area, the first with the period and England value', () => {
    expect(summariseChart('compare', neighbours())).toBe(
      'In 2017, the rate in Leicester was 49.7 per 100,000 (95% CI 42.5 to 57.6), significantly better than England (96.6). ' +
        // Then the others in the chart's order (by value); the region's aggregated value is not compared, and says why.
        'The rate in Rutland was 116.6 per 100,000 (95% CI 85.0 to 156.0), statistically similar to England. ' +
        'The rate in East Midlands region was 86.6 per 100,000, aggregated value: not compared with England. ' +
        'The rate in Leicestershire was 86.4 per 100,000 (95% CI 79.6 to 93.6), significantly better than England. ' +
        'No value was published for Isles of Scilly (Value for Cornwall & Isles of Scilly combined).',
    );
  });

  it('inequality: overall value, lowest and highest category, each category compared with England as the file labels it', () => {
    // The file's decile rows have no CI and say "Not compared": said in words, with why, never dropped.
    expect(summariseChart('inequality', deciles(false))).toBe(
      'In 2017, the rate in England was 96.6 per 100,000 (95% CI 95.8 to 97.4) overall. ' +
        'Across 10 categories (County & UA deprivation deciles in England (IMD2015)), it was lowest in Second most deprived decile (IMD2015) (63.8) and highest in Least deprived decile (IMD2015) (111.7). ' +
        '10 categories were not compared with England (aggregated values).',
    );
    expect(summariseChart('inequality', deciles(true))).toMatch(
      /\. 4 categories were significantly better than England, 1 was statistically similar to England and 5 were significantly worse than England\.$/,
    );
  });

  it('basket: counts by comparison with England, the worse ones named, recent trends', () => {
    expect(summariseChart('basket', leicesterBasket())).toBe(
      'Of 3 indicators for Leicester, 2 are significantly better than England and 1 is significantly worse than England. ' +
        'Worse than England: Emergency admissions for asthma, under 19s (illustrative). ' +
        // Each indicator's recent trend as the file states it.
        'Recent trends: Campylobacter incidence rate/100,000: Cannot be calculated; Campylobacter incidence rate/100,000, 0-9 yrs: Decreasing and getting better; ' +
        'Emergency admissions for asthma, under 19s (illustrative): No significant change. ' +
        'Illustrative data — not official statistics.',
    );
  });
});

describe('chartDataTable', () => {
  it('trend: a row per area and period, England and the comparison in words', () => {
    expect(chartDataTable('trend', leicesterTrend('shuffled'))).toEqual({
      caption: 'Campylobacter incidence rate/100,000, Leicester and East Midlands region, 2015 to 2017',
      // The publisher's value notes have their own column (issue 10 item 8).
      columns: ['Period', 'Area', 'Value (per 100,000)', 'Lower 95% CI', 'Upper 95% CI', 'England', 'Compared with England', 'Comparison source', 'Value note'],
      rows: [
        ['2015', 'Leicester', '51.7', '44.3', '59.9', '94.7', 'Better', 'as published', ''],
        ['2016', 'Leicester', '47.4', '40.4', '55.2', '89.1', 'Better', 'as published', ''],
        ['2017', 'Leicester', '49.7', '42.5', '57.6', '96.6', 'Better', 'as published', ''],
        ['2015', 'East Midlands region', '90.8', 'not available', 'not available', '94.7', 'Not compared', 'as published', 'Aggregated from all known lower geography values'],
        ['2016', 'East Midlands region', '81.3', 'not available', 'not available', '89.1', 'Not compared', 'as published', 'Aggregated from all known lower geography values'],
        ['2017', 'East Midlands region', '86.6', 'not available', 'not available', '96.6', 'Not compared', 'as published', 'Aggregated from all known lower geography values'],
      ],
    });
  });

  it('compare: the latest period, in the chart\'s order (by value), suppressed values explained by their note', () => {
    const table = chartDataTable('compare', neighbours());
    expect(table.caption).toBe('Campylobacter incidence rate/100,000, Leicester, East Midlands region, Rutland, Leicestershire and Isles of Scilly, 2017');
    expect(table.rows).toEqual([
      ['2017', 'Rutland', '116.6', '85.0', '156.0', '96.6', 'Similar', 'as published', ''],
      ['2017', 'East Midlands region', '86.6', 'not available', 'not available', '96.6', 'Not compared', 'as published', 'Aggregated from all known lower geography values'],
      ['2017', 'Leicestershire', '86.4', '79.6', '93.6', '96.6', 'Better', 'as published', ''],
      ['2017', 'Leicester', '49.7', '42.5', '57.6', '96.6', 'Better', 'as published', ''],
      // Without a value the note is the value cell; it is not said twice.
      ['2017', 'Isles of Scilly', 'Value for Cornwall & Isles of Scilly combined', 'not available', 'not available', '96.6', 'Not compared', 'as published', ''],
    ]);
  });

  it('counts get thousands separators and no decimals', () => {
    const count = { ...campylobacter, valueType: 'count' as const, unit: null, multiplier: null };
    const toCount = (r: (typeof leicesterRows)[number]) => ({ ...r, value: r.count, lower95: null, upper95: null });
    const data: SeriesChartData = {
      indicator: count,
      rows: chartRows(leicesterRows.map(toCount), count),
      comparators: [{ name: 'England', code: 'E92000001', rows: chartRows(englandRows.map(toCount), count) }],
    };
    expect(chartDataTable('trend', data).rows[0]).toEqual(['2015', 'Leicester', '177', 'not available', 'not available', '51,897', 'Not compared', 'as published']);
    expect(chartDataTable('trend', data).columns[2]).toBe('Value');
  });

  it('inequality: categories in decile order with the overall value', () => {
    const table = chartDataTable('inequality', deciles(false));
    expect(table.caption).toBe('Campylobacter incidence rate/100,000, England, County & UA deprivation deciles in England (IMD2015), 2017');
    expect(table.columns).toEqual(['Period', 'Area', 'Category', 'Value (per 100,000)', 'Lower 95% CI', 'Upper 95% CI', 'England overall', 'Compared with England', 'Comparison source', 'Value note']);
    expect(table.rows[0]).toEqual(['2017', 'England', 'Most deprived decile (IMD2015)', '70.0', 'not available', 'not available', '96.6', 'Not compared', 'as published', 'Aggregated from all known lower geography values']);
    expect(table.rows[9]).toEqual(['2017', 'England', 'Least deprived decile (IMD2015)', '111.7', 'not available', 'not available', '96.6', 'Not compared', 'as published', 'Aggregated from all known lower geography values']);
    expect(table.rows.map((r) => r[3])).toEqual(['70.0', '63.8', '86.2', '91.3', '96.1', '106.6', '101.0', '106.9', '107.3', '111.7']);
  });

  it('shows a value note beside a value in the table (issue 10 item 8), and no note column where no value has one', () => {
    const modelled = leicesterTrend('sorted');
    const rows = modelled.rows.map((r, i) => (i === 0 ? { ...r, valueNote: 'Value is modelled or synthetic estimate' } : r));
    const table = chartDataTable('trend', { ...modelled, rows, comparators: modelled.comparators.filter((c) => c.code === 'E92000001') });
    expect(table.columns[table.columns.length - 1]).toBe('Value note');
    expect(table.rows[0]![table.rows[0]!.length - 1]).toBe('Value is modelled or synthetic estimate');
    const plain = chartDataTable('trend', { ...modelled, comparators: modelled.comparators.filter((c) => c.code === 'E92000001') });
    expect(plain.columns).not.toContain('Value note');
  });

  it('basket: one row per indicator, grouped', () => {
    expect(chartDataTable('basket', leicesterBasket())).toEqual({
      caption: 'Basket of indicators for Leicester, latest period for each indicator. Illustrative data — not official statistics.',
      columns: ['Indicator', 'Group', 'Period', 'Value', 'Lower 95% CI', 'Upper 95% CI', 'England', 'Compared with England', 'Comparison source', 'Recent trend', 'Trend source'],
      rows: [
        ['Campylobacter incidence rate/100,000 (per 100,000)', 'Population outcomes', '2017', '49.7', '42.5', '57.6', '96.6', 'Better', 'as published', '– Cannot be calculated', 'as published'],
        ['Campylobacter incidence rate/100,000, 0-9 yrs (per 100,000)', 'Population outcomes', '2016', '113.6', '86.1', '147.2', '229.5', 'Better', 'as published', '↓ Decreasing and getting better', 'as published'],
        ['Emergency admissions for asthma, under 19s (illustrative) (per 100,000) (illustrative data)', 'Operational measures', '2022/23', '250.4', '230.1', '271.9', '160.2', 'Worse', 'as published', '→ No significant change', 'as published'],
      ],
    });
  });
});
