import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../../electron/services/library/importFiles';
import { getIndicatorMeta, updateIndicator } from '../../../../electron/services/library/indicators';
import { queryChart } from '../../../../electron/services/library/query';
import type { ChartRow } from '../../../../shared/api/library';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, REAL_FILE, row, writeFile, useLibrary } from './helpers';

const CONSTRUCTED = resolve(__dirname, '../../../fixtures/fingertips/constructed');
const CASES = join(CONSTRUCTED, 'comparison-cases.csv');
/** Every Fingertips-format file in test/fixtures: the real download, and those constructed from it. */
const FILES = [
  REAL_FILE,
  join(CONSTRUCTED, 'campylobacter-93356-east-midlands.csv'),
  join(CONSTRUCTED, 'campylobacter-93356-west-midlands.csv'),
  join(CONSTRUCTED, 'campylobacter-93356-east-midlands-revised.csv'),
  CASES,
];

function records(file: string): Record<string, string>[] {
  const [header, ...data] = parse(readFileSync(file), { relax_column_count: true }) as string[][];
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [h, (r[i] ?? '').trim()])));
}

describe('comparisons as the publisher states them (issue 14)', () => {
  const tmp = useTempDir();
  const open = useLibrary(tmp);

  it.each(FILES)("stores and returns every row's own labels: %s", async (file) => {
    const { db } = open();
    await importFiles(db, [file]);
    const cache = new Map<string, Map<string, ChartRow>>();
    let rows = 0;
    let agree = 0;
    const wrong: string[] = [];
    for (const rec of records(file)) {
      const key = [rec['Indicator ID'], rec['Area Code'], rec.Sex, rec.Age, rec['Category Type'], rec.Category].join('|');
      let byPeriod = cache.get(key);
      if (!byPeriod) {
        const q = { indicatorId: rec['Indicator ID']!, areaCodes: [rec['Area Code']!], sex: rec.Sex, age: rec.Age, categoryType: rec['Category Type'], category: rec.Category };
        byPeriod = new Map(queryChart(db, q).series[0]!.rows.map((r) => [r.period, r]));
        cache.set(key, byPeriod);
      }
      const ours = byPeriod.get(rec['Time period']!)!;
      const checks: [string, string, string | undefined, string | undefined][] = [
        ['England', rec['Compared to England value or percentiles']!, ours.comparedEngland.label, ours.comparedEngland.source],
        ['parent', rec['Compared to Region value or percentiles']!, ours.comparedParent?.label, ours.comparedParent?.source],
        ['goal', rec['Compared to goal']!, ours.comparedGoal?.label, ours.comparedGoal?.source],
        ['trend', rec['Recent Trend']!, ours.recentTrend?.label, ours.recentTrend?.source],
      ];
      for (const [what, label, got, source] of checks) {
        if (label === '') continue;
        rows++;
        if (got === label && source === 'file') agree++;
        else wrong.push(`${key} ${rec['Time period']} ${what}: file ${label}, ours ${got} (${source})`);
      }
      // The old field says the same where the label is one of its words (quintile words are not).
      const england = rec['Compared to England value or percentiles']!;
      if (ours.comparedEngland.method !== 'quintiles' && ['Better', 'Similar', 'Worse', 'Higher', 'Lower', 'Not compared'].includes(england)) {
        expect(ours.significance).toBe(england);
      }
    }
    console.log(`${file.split('/').pop()}: ${agree} of ${rows} labels agree (${((100 * agree) / rows).toFixed(1)}%)`);
    expect(wrong).toEqual([]);
    expect(agree).toBe(rows);
  });

  it('modelled estimates, aggregates and CI-less values get no computed CI or comparison unless the metadata asks', async () => {
    const { db } = open();
    await importFiles(db, [CASES]);
    const modelled = queryChart(db, { indicatorId: '990001', areaCodes: ['E06000016'] }).series[0]!.rows[0]!;
    expect(modelled).toMatchObject({ lowerCi95: null, upperCi95: null, ciMethod: null, significance: 'Not compared', comparedEngland: { label: 'Not compared', outcome: 'not-compared', source: 'file' } });
    const region = queryChart(db, { indicatorId: '990003', areaCodes: ['E12000004'] }).series[0]!.rows[0]!;
    expect(region).toMatchObject({ lowerCi95: null, ciMethod: null, comparedEngland: { label: 'Not compared', source: 'file' } });

    // Without labels (a file lacking the column), such rows are still not compared: 'none'.
    const plain = writeFile(
      tmp(),
      'no-labels.csv',
      fingertipsCsv([
        row({ 'Area Code': 'E92000001', 'Area Name': 'England', 'Area Type': 'Country', 'Parent Code': '', Value: '12.0', 'Lower CI 95.0 limit': '11.9', 'Upper CI 95.0 limit': '12.1', 'Compared to England value or percentiles': '', 'Compared to Region value or percentiles': '' }),
        row({ Value: '14.9', 'Lower CI 95.0 limit': '', 'Upper CI 95.0 limit': '', Count: '3012.4', Denominator: '20217', 'Value note': 'Value is modelled or synthetic estimate', 'Compared to England value or percentiles': '', 'Compared to Region value or percentiles': '' }),
        row({ 'Area Code': 'E06000015', 'Area Name': 'Derby', Value: '20.0', 'Lower CI 95.0 limit': '18.0', 'Upper CI 95.0 limit': '22.0', 'Compared to England value or percentiles': '', 'Compared to Region value or percentiles': '' }),
      ]),
    );
    await importFiles(db, [plain]);
    const q = (area: string) => queryChart(db, { indicatorId: '90001', areaCodes: [area] }).series[0]!.rows[0]!;
    expect(q('E06000016')).toMatchObject({ lowerCi95: null, ciMethod: null, significance: 'Not compared', comparedEngland: { label: 'Not compared', source: 'none' } });
    // Where the source gives nothing and the row has a CI, we compute, and say so.
    expect(q('E06000015').comparedEngland).toEqual({ label: 'Higher', outcome: 'higher', source: 'computed', method: 'ci-overlap-95', benchmarkCode: 'E92000001' });
    // The author asks for estimates to be compared: the metadata's compute_for_estimates.
    const meta = writeFile(tmp(), 'meta.csv', 'indicator_id,compute_for_estimates,comparison_method\n90001,yes,ci-overlap-95\n');
    await importFiles(db, [], { metadataPath: meta });
    expect(getIndicatorMeta(db, '90001')).toMatchObject({ computeForEstimates: true, comparisonMethod: 'ci-overlap-95', comparisonMethodSource: 'metadata' });
  });

  it('infers the method from the labels: not compared with CIs, quintiles, 99.8% limits, Higher/Lower', async () => {
    const { db } = open();
    await importFiles(db, [CASES]);
    expect(getIndicatorMeta(db, '990002').comparisonMethod).toBe('not-compared');
    expect(getIndicatorMeta(db, '990004').comparisonMethod).toBe('quintiles');
    expect(getIndicatorMeta(db, '990005').comparisonMethod).toBe('quintiles');
    expect(getIndicatorMeta(db, '990006').comparisonMethod).toBe('ci-overlap-99.8');
    expect(getIndicatorMeta(db, '990007').comparisonMethod).toBe('ci-overlap-95');
    const outcome = (id: string, area: string) => queryChart(db, { indicatorId: id, areaCodes: [area] }).series[0]!.rows[0]!.comparedEngland;
    expect(outcome('990004', 'E06000016')).toMatchObject({ label: 'Best', outcome: 'best', method: 'quintiles' });
    expect(outcome('990004', 'E06000015')).toMatchObject({ label: 'Better', outcome: 'better-quintile' });
    expect(outcome('990005', 'E10000024')).toMatchObject({ label: 'Low', outcome: 'low' });
    expect(outcome('990005', 'E06000018')).toMatchObject({ label: 'Middle', outcome: 'middle' });
    expect(outcome('990006', 'E06000016')).toMatchObject({ label: 'Similar', outcome: 'similar', method: 'ci-overlap-99.8' });
    expect(outcome('990007', 'E06000016')).toMatchObject({ label: 'Higher', outcome: 'higher' });
    expect(outcome('990007', 'E06000015')).toMatchObject({ label: 'Lower', outcome: 'lower' });
    const trend = (area: string) => queryChart(db, { indicatorId: '990007', areaCodes: [area] }).series[0]!.rows[0]!.recentTrend;
    expect(trend('E06000016')).toEqual({ label: 'Increasing', direction: 'increasing', judgement: null, source: 'file', method: null });
    expect(trend('E06000018')).toMatchObject({ direction: 'decreasing', judgement: 'worse', source: 'file' });
    expect(trend('E06000015')).toMatchObject({ direction: 'no-change' });
    // The author's method wins over inference, also on a later import.
    updateIndicator(db, { id: '990007', comparisonMethod: 'ci-overlap-99.8', goal: 9 });
    await importFiles(db, [CASES]);
    expect(getIndicatorMeta(db, '990007')).toMatchObject({ comparisonMethod: 'ci-overlap-99.8', comparisonMethodSource: 'author', goal: 9 });
  });

  it('keeps unknown and contradicting labels verbatim and flags them with file:line', async () => {
    const { db } = open();
    const summary = await importFiles(db, [join(CONSTRUCTED, 'bad-labels.csv')]);
    expect(summary.warnings).toEqual([
      expect.stringMatching(/bad-labels\.csv:3: column "Compared to England": unknown label "Much better", kept as it is and not recomputed\.$/),
      // A series new in the file goes straight in (the import's fast path), so the earlier line is not known.
      expect.stringMatching(/bad-labels\.csv:5: the labels contradict an earlier line for the same row \(compared_england: "Worse" there, "Better" here\); kept as an earlier line has them\.$/),
    ]);
    const leicester = queryChart(db, { indicatorId: '990008', areaCodes: ['E06000016'] }).series[0]!.rows[0]!;
    expect(leicester.comparedEngland).toMatchObject({ label: 'Much better', outcome: 'unknown', source: 'file' });
    expect(leicester.significance).toBe('Not compared');
    expect(queryChart(db, { indicatorId: '990008', areaCodes: ['E06000015'] }).series[0]!.rows[0]!.comparedEngland.label).toBe('Worse');
    // The contradicting line added no row: the counts are of the rows kept.
    const kept = db.prepare('SELECT s.indicator_id AS id, count(*) AS n FROM indicator_values v JOIN series s ON s.id = v.series_id GROUP BY s.indicator_id ORDER BY id').all() as { id: string; n: number }[];
    expect(db.prepare('SELECT id, row_count AS n FROM indicators ORDER BY id').all()).toEqual(kept);
    expect(summary.added).toBe(kept.reduce((n, k) => n + k.n, 0));
    expect(summary.changes.map((c) => c.added)).toEqual(summary.changes.map((c) => kept.find((k) => k.id === c.indicatorId)!.n));
  });
});

describe('a trend computed where the file gives none', () => {
  const tmp = useTempDir();
  const open = useLibrary(tmp);

  it('on the latest row only, for five yearly points, and said to be computed', async () => {
    const { db } = open();
    const lines = ['indicator_id,indicator_name,area_code,area_name,period,value,count,denominator,unit'];
    [100, 130, 160, 190, 220].forEach((count, i) => lines.push(`T-01,Pupils walking to school (%),E06000016,Leicester,${2019 + i},${count / 10},${count},1000,%`));
    const file = writeFile(tmp(), 'walking.csv', `${lines.join('\n')}\n`);
    await importFiles(db, [file], { format: 'tidy' });
    const rows = queryChart(db, { indicatorId: 'T-01', areaCodes: ['E06000016'] }).series[0]!.rows;
    expect(rows.slice(0, 4).map((r) => r.recentTrend)).toEqual([null, null, null, null]);
    expect(rows[4]!.recentTrend).toMatchObject({ label: 'Increasing', direction: 'increasing', judgement: null, source: 'computed' });
    // Rolling periods are not tested (Fingertips' criteria): "Cannot be calculated".
    const rolling = ['indicator_id,indicator_name,area_code,area_name,period,period_sortable,value,count,denominator,unit'];
    [100, 130, 160, 190, 220].forEach((count, i) => rolling.push(`T-02,Pupils cycling (%),E06000016,Leicester,${2015 + i} - ${17 + i},${2015 + i}0000,${count / 10},${count},1000,%`));
    await importFiles(db, [writeFile(tmp(), 'cycling.csv', `${rolling.join('\n')}\n`)], { format: 'tidy' });
    expect(queryChart(db, { indicatorId: 'T-02', areaCodes: ['E06000016'] }).series[0]!.rows.at(-1)!.recentTrend).toMatchObject({ label: 'Cannot be calculated', source: 'computed' });
  });
});
