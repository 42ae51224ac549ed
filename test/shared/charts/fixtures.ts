/**
 * Real values copied from OHID Fingertips, indicator 93356 "Campylobacter incidence rate/100,000"
 * (../shared/data/fingertips/campylobacter-93356-county-ua-2015-17.csv), Persons, All ages unless
 * said otherwise. Inline on purpose: tests do not read ../shared.
 */
import type { IndicatorMeta, IndicatorValue } from '../../../shared/library/types';
import { type Comparison, type ComparisonOutcome, OUTCOME_WORDS, type RecentTrend } from '../../../shared/library/comparison';
import { compareByInterval } from '../../../electron/services/library/compare/ciOverlap';
import type { BasketChartData, ChartDataByKind, ChartRow, Comparator, SeriesChartData } from '../../../shared/charts/types';
import type { SpineChartData } from '../../../shared/charts/kinds/spine/types';

export const campylobacter: IndicatorMeta = {
  id: '93356',
  // As in the file, with its stray newline: builders must clean it.
  name: 'Campylobacter incidence rate/100,000\n',
  unit: 'per 100,000',
  // Fingertips rates Leicester's lower value "Better".
  polarity: 'low-is-good',
  polaritySource: 'metadata',
  valueType: 'rate',
  multiplier: 100000,
  definition: null,
  source: 'OHID Fingertips',
  illustrative: false,
};

type Values = Pick<IndicatorValue, 'areaCode' | 'areaName' | 'period' | 'value' | 'lower95' | 'upper95' | 'count' | 'denominator'> &
  Partial<IndicatorValue>;

export function row(v: Values): IndicatorValue {
  return {
    indicatorId: '93356',
    areaType: v.areaCode === 'E92000001' ? 'Country' : v.areaCode.startsWith('E12') ? 'Region' : 'County & UA',
    sex: 'Persons',
    age: 'All ages',
    categoryType: '',
    category: '',
    periodSortable: Number(v.period.slice(0, 4)) * 10000,
    valueNote: null,
    ciMethod: v.lower95 === null ? null : 'file',
    ...v,
  };
}

const leicester = (period: string, value: number, lower95: number, upper95: number, count: number, denominator: number) =>
  row({ areaCode: 'E06000016', areaName: 'Leicester', period, value, lower95, upper95, count, denominator });
const england = (period: string, value: number, lower95: number, upper95: number, count: number, denominator: number) =>
  row({ areaCode: 'E92000001', areaName: 'England', period, value, lower95, upper95, count, denominator });
const eastMidlands = (period: string, value: number, count: number, denominator: number) =>
  row({
    areaCode: 'E12000004',
    areaName: 'East Midlands region',
    period,
    value,
    lower95: null,
    upper95: null,
    count,
    denominator,
    valueNote: 'Aggregated from all known lower geography values',
  });

export const leicesterRows: IndicatorValue[] = [
  leicester('2015', 51.6596765578895, 44.3292799600907, 59.8560756159834, 177, 342627),
  leicester('2016', 47.3671065587654, 40.4153138781521, 55.1714203359808, 165, 348343),
  leicester('2017', 49.6636935434328, 42.5386754731007, 57.6407277083881, 173, 348343),
];

export const englandRows: IndicatorValue[] = [
  england('2015', 94.7261896202678, 93.9129396546008, 95.5447303303505, 51897, 54786327),
  england('2016', 89.1292253807248, 88.343856637041, 89.9198389887953, 49260, 55268067),
  england('2017', 96.6109417215551, 95.7932036927655, 97.4339242342231, 53395, 55268067),
];

export const eastMidlandsRows: IndicatorValue[] = [
  eastMidlands('2015', 90.8267155409043, 4248, 4677038),
  eastMidlands('2016', 81.300692548128, 3841, 4724437),
  eastMidlands('2017', 86.5923283557385, 4091, 4724437),
];

export const rutland2017 = row({
  areaCode: 'E06000017', areaName: 'Rutland', period: '2017',
  value: 116.562192405326, lower95: 85.0212573416846, upper95: 155.969384238911, count: 45, denominator: 38606,
});
export const leicestershire2017 = row({
  areaCode: 'E10000018', areaName: 'Leicestershire', period: '2017',
  value: 86.3890405984564, lower95: 79.5579743440256, upper95: 93.6497696303745, count: 590, denominator: 682957,
});
/** Suppressed in the file: empty value, with a note. */
export const islesOfScilly2017 = row({
  areaCode: 'E06000053', areaName: 'Isles of Scilly', period: '2017',
  value: null, lower95: null, upper95: null, count: null, denominator: null,
  valueNote: 'Value for Cornwall & Isles of Scilly combined',
});

/** England by "County & UA deprivation deciles in England (IMD2015)", 2017 (no CIs in the file). */
const DECILES_2017: [string, number, number, number][] = [
  ['Most deprived decile (IMD2015)', 70.0307017390667, 3609, 5153454],
  ['Second most deprived decile (IMD2015)', 63.8242975932355, 2397, 3755623],
  ['Third more deprived decile (IMD2015)', 86.1938492708588, 3343, 3878467],
  ['Fourth more deprived decile (IMD2015)', 91.3391177085511, 4893, 5356960],
  ['Fifth more deprived decile (IMD2015)', 96.0924284578595, 3764, 3917062],
  ['Fifth less deprived decile (IMD2015)', 106.601192697402, 6279, 5890178],
  ['Fourth less deprived decile (IMD2015)', 100.99434245281, 7477, 7403385],
  ['Third less deprived decile (IMD2015)', 106.855761494056, 7263, 6797013],
  ['Second least deprived decile (IMD2015)', 107.318670794467, 6914, 6442495],
  ['Least deprived decile (IMD2015)', 111.726653310217, 7456, 6673430],
];
export const DECILE_ORDER = DECILES_2017.map(([c]) => c);

export const englandDeciles2017: IndicatorValue[] = DECILES_2017.map(([category, value, count, denominator]) =>
  row({
    areaCode: 'E92000001', areaName: 'England', period: '2017', value, lower95: null, upper95: null, count, denominator,
    categoryType: 'County & UA deprivation deciles in England (IMD2015)', category,
    valueNote: 'Aggregated from all known lower geography values',
  }),
);

/** The same deciles with 95% CIs as the service would add them (Byar's, from count and denominator). */
export function withByarCi(r: IndicatorValue): IndicatorValue {
  if (r.count === null || r.denominator === null) return r;
  const o = r.count;
  const lo = o * (1 - 1 / (9 * o) - 1.959964 / (3 * Math.sqrt(o))) ** 3;
  const hi = (o + 1) * (1 - 1 / (9 * (o + 1)) + 1.959964 / (3 * Math.sqrt(o + 1))) ** 3;
  return { ...r, lower95: (lo / r.denominator) * 100000, upper95: (hi / r.denominator) * 100000, ciMethod: 'byar' };
}

/** A label as the Fingertips file states it (the test data are real rows, whose labels follow the 95% CI rule). */
export function asPublished(label: string): Comparison {
  const outcome = label.toLowerCase().replace(' ', '-') as ComparisonOutcome;
  return { label, outcome, source: 'file', method: outcome === 'not-compared' ? null : 'ci-overlap-95', benchmarkCode: 'E92000001' };
}

/** A recent trend as a Fingertips file states it. */
export function trendAsPublished(label: string, direction: RecentTrend['direction'], judgement: RecentTrend['judgement'] = null): RecentTrend {
  return { label, direction, judgement, source: 'file', method: null };
}

/**
 * Rows with their comparison with England as the file labels them: England's own rows and rows
 * without a CI (aggregated, modelled) are "Not compared", the rest as the file says (Better/Similar/Worse).
 */
export function chartRows(rows: IndicatorValue[], indicator: IndicatorMeta = campylobacter, benchmark: IndicatorValue[] = englandRows): ChartRow[] {
  return rows.map((r) => {
    const e = benchmark.find((b) => b.period === r.period && b.categoryType === '');
    const outcome = r.areaCode === 'E92000001' && r.categoryType === '' ? null : compareByInterval({ value: r.value, lower: r.lower95, upper: r.upper95 }, e?.value ?? null, indicator.polarity);
    const label = outcome && outcome !== 'unknown' ? OUTCOME_WORDS[outcome] : 'Not compared';
    return { ...r, comparedEngland: asPublished(label), comparedParent: null, recentTrend: null };
  });
}

export function englandComparator(rows: IndicatorValue[] = englandRows): Comparator {
  return { name: 'England', code: 'E92000001', rows: chartRows(rows, campylobacter, rows) };
}

/** Leicester 2015–17 with England and the East Midlands region. */
export function leicesterTrend(order: 'sorted' | 'shuffled' = 'sorted'): SeriesChartData {
  const rows = chartRows(leicesterRows);
  const ordered = order === 'sorted' ? rows : [rows[2]!, rows[0]!, rows[1]!];
  return {
    indicator: campylobacter,
    rows: ordered,
    comparators: [
      englandComparator(order === 'sorted' ? englandRows : [englandRows[1]!, englandRows[2]!, englandRows[0]!]),
      { name: 'East Midlands region', code: 'E12000004', rows: chartRows(eastMidlandsRows) },
    ],
  };
}

/** Basket for Leicester: all ages (2017) and 0-9 yrs (2016), both real, grouped as in seed 004. */
export function leicesterBasket(): BasketChartData {
  const children: IndicatorMeta = { ...campylobacter, id: '93356-0-9', name: 'Campylobacter incidence rate/100,000, 0-9 yrs' };
  const latest09 = row({
    areaCode: 'E06000016', areaName: 'Leicester', period: '2016', age: '0-9 yrs',
    value: 113.640894772519, lower95: 86.0647847706636, upper95: 147.238290010664, count: 57, denominator: 50158,
  });
  const england09 = row({
    areaCode: 'E92000001', areaName: 'England', period: '2016', age: '0-9 yrs',
    value: 229.521421804929, lower95: 225.949414384559, upper95: 233.135751903595, count: 15739, denominator: 6857312,
  });
  const illustrative: IndicatorMeta = {
    ...campylobacter, id: 'demo-1', name: 'Emergency admissions for asthma, under 19s (illustrative)', polarity: 'low-is-good', illustrative: true,
  };
  return {
    area: { code: 'E06000016', name: 'Leicester' },
    items: [
      { indicator: campylobacter, latest: leicesterRows[2]!, england: englandRows[2]!, comparison: asPublished('Better'), trend: trendAsPublished('Cannot be calculated', 'cannot-calculate'), group: 'Population outcomes' },
      { indicator: children, latest: latest09, england: england09, comparison: asPublished('Better'), trend: trendAsPublished('Decreasing and getting better', 'decreasing', 'better'), group: 'Population outcomes' },
      {
        indicator: illustrative,
        latest: row({ areaCode: 'E06000016', areaName: 'Leicester', period: '2022/23', value: 250.4, lower95: 230.1, upper95: 271.9, count: 562, denominator: 224400 }),
        england: row({ areaCode: 'E92000001', areaName: 'England', period: '2022/23', value: 160.2, lower95: 158.9, upper95: 161.5, count: 19000, denominator: 11860000 }),
        comparison: asPublished('Worse'),
        trend: trendAsPublished('No significant change', 'no-change'),
        group: 'Operational measures',
      },
    ],
  };
}

/** Leicester 2017 against its region, two neighbours and a suppressed area (input shuffled). */
export function neighbours(): SeriesChartData {
  return {
    indicator: campylobacter,
    // Shuffled: the latest period (2017) must be found by periodSortable.
    rows: chartRows([leicesterRows[2]!, leicesterRows[0]!, leicesterRows[1]!]),
    comparators: [
      englandComparator(),
      { name: 'East Midlands region', code: 'E12000004', rows: chartRows(eastMidlandsRows) },
      { name: 'Rutland', code: 'E06000017', rows: chartRows([rutland2017]) },
      { name: 'Leicestershire', code: 'E10000018', rows: chartRows([leicestershire2017]) },
      { name: 'Isles of Scilly', code: 'E06000053', rows: chartRows([islesOfScilly2017]) },
    ],
  };
}

/** England's deciles (2017, with Byar CIs when asked) and its overall value. */
export function englandDeciles(withCi: boolean): SeriesChartData {
  return {
    indicator: campylobacter,
    rows: chartRows([...(withCi ? englandDeciles2017.map(withByarCi) : englandDeciles2017), englandRows[2]!]),
    comparators: [englandComparator()],
  };
}

/**
 * Leicester's area profile: campylobacter 2017 as published (Better, from the file), its region and
 * England, and the real spread of the file's 150 County & UA values for 2017 (min, type-7 quartiles,
 * max); plus an illustrative modelled estimate the publisher does not compare.
 */
export function leicesterSpine(): SpineChartData {
  const modelled: IndicatorMeta = {
    ...campylobacter, id: 'demo-mh', name: 'Estimated prevalence of mental health disorders in children (modelled, illustrative)', unit: '%', valueType: 'proportion', multiplier: 100, polarity: 'low-is-good', illustrative: true,
  };
  return {
    area: { code: 'E06000016', name: 'Leicester' },
    parentName: 'East Midlands region',
    rows: [
      {
        indicator: campylobacter, period: '2017', periodSortable: 20170000, value: 49.6636935434328, count: 173, valueNote: null,
        comparison: { label: 'Better', outcome: 'better', source: 'file', method: 'ci-overlap-95', benchmarkCode: 'E92000001' },
        recentTrend: { label: 'Cannot be calculated', direction: 'cannot-calculate', judgement: null, source: 'file', method: null },
        parent: { code: 'E12000004', name: 'East Midlands region', value: 86.5923283557385 },
        england: 96.6109417215551,
        distribution: { n: 150, min: 15.5435248021867, q25: 74.12688954078938, q75: 119.37358243810075, max: 174.293226197158 },
        areaType: 'County & UA',
      },
      {
        indicator: modelled, period: '2017', periodSortable: 20170000, value: 12.6, count: null, valueNote: 'Value is modelled or synthetic estimate',
        comparison: { label: 'Not compared', outcome: 'not-compared', source: 'file', method: null, benchmarkCode: 'E92000001' },
        recentTrend: null,
        parent: { code: 'E12000004', name: 'East Midlands region', value: 11.9 },
        england: 12.2,
        distribution: { n: 150, min: 9.1, q25: 11.2, q75: 13.4, max: 16.0 },
        areaType: 'County & UA',
      },
    ],
  };
}

/** One realistic data set per chart kind. */
export function sampleData(): ChartDataByKind {
  return { trend: leicesterTrend('shuffled'), compare: neighbours(), inequality: englandDeciles(true), basket: leicesterBasket(), spine: leicesterSpine() };
}
