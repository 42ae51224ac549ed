import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Significance } from '../../../../shared/library/types';
import { rateCI } from '../../../../shared/stats';
import { importFiles } from '../../../../electron/services/library/importFiles';
import { getIndicatorDetail, getIndicatorMeta, listIndicators, updateIndicator } from '../../../../electron/services/library/indicators';
import { type Library, openLibrary } from '../../../../electron/services/library/openLibrary';
import { queryChart } from '../../../../electron/services/library/query';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, REAL_FILE, REAL_RECORDS, REAL_SHA256, realRecords, row, writeFile } from './helpers';

describe('importing the real Fingertips download', () => {
  const tmp = useTempDir();
  let lib: Library | null = null;
  afterEach(() => {
    lib?.close();
    lib = null;
  });
  const open = () => (lib = openLibrary(join(tmp(), 'library.jsnalib')));

  it('imports every record (852 records on 1705 lines) with its vintage', async () => {
    expect(readFileSync(REAL_FILE, 'latin1').split('\n').length - 1).toBe(1705);
    const { db } = open();
    const summary = await importFiles(db, [REAL_FILE]);
    expect(summary).toMatchObject({ rows: REAL_RECORDS, indicators: 1, areas: 162, unchangedFiles: [] });
    expect(summary.vintages).toEqual([
      { id: 1, indicatorId: '93356', fileName: 'campylobacter-93356-county-ua-2015-17.csv', sha256: REAL_SHA256, importedAt: expect.any(String), rows: REAL_RECORDS },
    ]);
    expect((db.prepare('SELECT count(*) AS n FROM indicator_values').get() as { n: number }).n).toBe(REAL_RECORDS);
    expect(listIndicators(db)).toEqual([
      {
        id: '93356',
        name: 'Campylobacter incidence rate/100,000', // the file's name has a line break at the end
        unit: 'per 100,000',
        polarity: 'low-is-good', // inferred from the file's Better/Worse labels
        polaritySource: 'inferred',
        valueType: 'rate',
        illustrative: false,
        rows: REAL_RECORDS,
        latestPeriod: '2017',
      },
    ]);
  });

  it("queries Leicester's 2015 row back with the published value, CI and the file's own significance", async () => {
    const { db } = open();
    await importFiles(db, [REAL_FILE]);
    const data = queryChart(db, { indicatorId: '93356', areaCodes: ['E06000016'] });
    expect(data.breakdown).toEqual({ sex: 'Persons', age: 'All ages', categoryType: '', category: '' });
    const rows = data.series[0]!.rows;
    expect(rows.map((r) => r.period)).toEqual(['2015', '2016', '2017']);
    const r2015 = rows[0]!;
    expect(r2015.value!.toFixed(3)).toBe('51.660');
    expect(r2015.lowerCi95!.toFixed(3)).toBe('44.329');
    expect(r2015.upperCi95!.toFixed(3)).toBe('59.856');
    expect(r2015).toMatchObject({ count: 177, denominator: 342627, ciMethod: 'file', significance: 'Better', comparator: { area: 'E92000001' } });
    expect(r2015.comparator!.value!.toFixed(3)).toBe('94.726');
    // shared/stats gives the same CI from count and denominator (Byar's method).
    const ci = rateCI(177, 342627, 100000);
    expect([ci.value.toFixed(2), ci.lower.toFixed(3), ci.upper.toFixed(3), ci.method]).toEqual(['51.66', '44.329', '59.856', 'byar']);
    expect(data.series[0]!.comparator).toEqual({ code: 'E92000001', name: 'England' });
    expect(data.comparators[0]!.rows.map((r) => r.period)).toEqual(['2015', '2016', '2017']);
  });

  it("agrees with the file's own 'Compared to England' label on every row", async () => {
    const { db } = open();
    await importFiles(db, [REAL_FILE]);
    const records = realRecords();
    const tally: Record<string, { agree: number; disagree: number }> = {};
    const disagreements: string[] = [];
    const cache = new Map<string, Map<string, Significance>>();
    for (const rec of records) {
      const key = [rec['Area Code'], rec.Age, rec['Category Type'], rec.Category].join('|');
      let byPeriod = cache.get(key);
      if (!byPeriod) {
        const data = queryChart(db, {
          indicatorId: '93356',
          areaCodes: [rec['Area Code']!],
          sex: rec.Sex,
          age: rec.Age,
          categoryType: rec['Category Type'],
          category: rec.Category,
        });
        byPeriod = new Map(data.series[0]!.rows.map((r) => [r.period, r.significance]));
        cache.set(key, byPeriod);
      }
      const label = rec['Compared to England value or percentiles']!;
      const ours = byPeriod.get(rec['Time period']!);
      const t = (tally[label] ??= { agree: 0, disagree: 0 });
      if (ours === label) t.agree++;
      else {
        t.disagree++;
        disagreements.push(`${rec['Area Type']} ${key} ${rec['Time period']}: file ${label}, ours ${ours}`);
      }
    }
    console.log('significance vs the file\'s "Compared to England" labels:', JSON.stringify(tally));
    // Every Better / Worse / Similar in the file (750 rows) agrees.
    for (const label of ['Better', 'Worse', 'Similar']) expect(tally[label]!.disagree, label).toBe(0);
    expect(tally.Better!.agree + tally.Worse!.agree + tally.Similar!.agree).toBe(283 + 247 + 220);
    // All 102 "Not compared" agree too: the file's label is what the library returns (issue 14),
    // including the 27 regional rows this county/UA download leaves uncompared.
    expect(tally['Not compared']).toEqual({ agree: 102, disagree: 0 });
    expect(disagreements).toEqual([]);
  });

  it("lets the author's polarity override the inferred one; the file's own labels stay what it says", async () => {
    const { db } = open();
    await importFiles(db, [REAL_FILE]);
    const leicester2015 = () => queryChart(db, { indicatorId: '93356', areaCodes: ['E06000016'] }).series[0]!.rows[0]!;
    expect(leicester2015().significance).toBe('Better'); // the file's label; inferred low-is-good
    expect(getIndicatorMeta(db, '93356').polarity).toBe('low-is-good');
    updateIndicator(db, { id: '93356', polarity: 'high-is-good' });
    // The source is the authority: the publisher's "Better" is not recomputed by our polarity.
    expect(leicester2015().significance).toBe('Better');
    expect(leicester2015().comparedEngland).toMatchObject({ label: 'Better', source: 'file' });
    updateIndicator(db, { id: '93356', polarity: 'no-judgement' });
    expect(leicester2015().significance).toBe('Better');
    // A re-import of the same data does not undo the author's choice.
    await importFiles(db, [REAL_FILE]);
    expect(getIndicatorDetail(db, '93356').meta).toMatchObject({ polarity: 'no-judgement', polaritySource: 'author' });
  });

  it('keeps suppressed and missing values as missing, and computes no CI the file gives a value without', async () => {
    const { db } = open();
    await importFiles(db, [REAL_FILE]);
    // England by deprivation decile: value, count and denominator but no CI in the file.
    const decile = queryChart(db, {
      indicatorId: '93356',
      areaCodes: ['E92000001'],
      categoryType: 'County & UA deprivation deciles in England (IMD2015)',
      category: 'Most deprived decile (IMD2015)',
    }).series[0]!.rows[0]!;
    // No invented precision (issue 14): the file has CI columns and gives this value without one.
    expect(decile).toMatchObject({ period: '2015', count: 3541, denominator: 5085927, ciMethod: null, lowerCi95: null, upperCi95: null, comparator: null, significance: 'Not compared' });

    const dir = tmp();
    const file = writeFile(
      dir,
      'suppressed.csv',
      fingertipsCsv([
        row({ 'Area Code': 'E92000001', 'Area Name': 'England', 'Area Type': 'Country', 'Parent Code': '', Value: '94.7', 'Lower CI 95.0 limit': '93.9', 'Upper CI 95.0 limit': '95.5', Count: '', Denominator: '', 'Compared to England value or percentiles': 'Not compared' }),
        row({ Value: '', 'Lower CI 95.0 limit': '', 'Upper CI 95.0 limit': '', Count: '', 'Value note': 'Value suppressed for disclosure control due to small count', 'Compared to England value or percentiles': 'Not compared' }),
      ]),
    );
    await importFiles(db, [file]);
    const r = queryChart(db, { indicatorId: '90001', areaCodes: ['E06000016'] }).series[0]!.rows[0]!;
    expect(r).toMatchObject({ value: null, lowerCi95: null, upperCi95: null, count: null, ciMethod: null, significance: 'Not compared' });
    expect(r.valueNote).toBe('Value suppressed for disclosure control due to small count');
  });

  it('changes nothing when the same file is imported again, even under another name', async () => {
    const { db } = open();
    await importFiles(db, [REAL_FILE]);
    const copy = join(tmp(), 'renamed.csv');
    copyFileSync(REAL_FILE, copy);
    const before = db.prepare('SELECT * FROM vintages').all();
    const again = await importFiles(db, [REAL_FILE, copy]);
    expect(again).toMatchObject({ rows: 0, indicators: 0, areas: 0, vintages: [], unchangedFiles: [REAL_FILE, copy] });
    expect(db.prepare('SELECT * FROM vintages').all()).toEqual(before);
    expect((db.prepare('SELECT count(*) AS n FROM indicator_values').get() as { n: number }).n).toBe(REAL_RECORDS);
  });

  it("a newer file replaces only the rows it covers and records a new vintage; the others stay", async () => {
    const { db } = open();
    await importFiles(db, [REAL_FILE]);
    const newer = writeFile(
      tmp(),
      'campylobacter-2018.csv',
      fingertipsCsv([
        row({ 'Indicator ID': '93356', 'Indicator Name': 'Campylobacter incidence rate/100,000', 'Time period': '2018', 'Time period Sortable': '20180000', Value: '50.1' }),
        row({ 'Indicator ID': '93356', 'Indicator Name': 'Campylobacter incidence rate/100,000', 'Area Code': 'E92000001', 'Area Name': 'England', 'Area Type': 'Country', 'Parent Code': '', 'Time period': '2018', 'Time period Sortable': '20180000', Value: '92.0', 'Lower CI 95.0 limit': '91.2', 'Upper CI 95.0 limit': '92.8' }),
      ]),
    );
    const summary = await importFiles(db, [newer], { now: () => new Date('2030-01-01T00:00:00Z') });
    expect(summary.vintages).toEqual([
      { id: 2, indicatorId: '93356', fileName: 'campylobacter-2018.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), importedAt: '2030-01-01T00:00:00.000Z', rows: 2 },
    ]);
    expect(summary).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    const detail = getIndicatorDetail(db, '93356');
    expect(detail.vintages.map((v) => v.id)).toEqual([2, 1]);
    expect(detail.rows).toBe(REAL_RECORDS + 2);
    expect(detail.latestPeriod).toBe('2018');
    expect(detail.latest).toMatchObject({ areaCode: 'E92000001', period: '2018', value: 92 });
    expect(detail.meta.polarity).toBe('low-is-good'); // the new file's labels don't contradict it
    const data = queryChart(db, { indicatorId: '93356', areaCodes: ['E06000016'] });
    expect(data.series[0]!.rows.map((r) => r.period)).toEqual(['2015', '2016', '2017', '2018']);
    expect(data.series[0]!.rows.at(-1)!.value).toBe(50.1);
    expect(data.vintage?.id).toBe(2);
    // Re-importing the old file changes no value, so it records no vintage.
    const back = await importFiles(db, [REAL_FILE]);
    expect(back).toMatchObject({ rows: REAL_RECORDS, added: 0, updated: 0, unchanged: REAL_RECORDS, vintages: [] });
    expect(getIndicatorDetail(db, '93356').vintages.map((v) => v.id)).toEqual([2, 1]);
  });

  it('lists indicators by search words and by area, and areas by name or code prefix', async () => {
    const { db } = open();
    await importFiles(db, [REAL_FILE]);
    expect(listIndicators(db, { search: 'campylo' }).map((i) => i.id)).toEqual(['93356']);
    expect(listIndicators(db, { search: '93356' }).map((i) => i.id)).toEqual(['93356']);
    expect(listIndicators(db, { search: 'campylobacter smoking' })).toEqual([]);
    expect(listIndicators(db, { areaCode: 'E06000016' }).map((i) => i.id)).toEqual(['93356']);
    expect(listIndicators(db, { areaCode: 'W06000001' })).toEqual([]);
    const { listAreas } = await import('../../../../electron/services/library/areas');
    expect(listAreas(db, { search: 'Leicester' }).map((a) => a.code)).toEqual(['E06000016', 'E10000018']);
    expect(listAreas(db, { search: 'E06000016' })).toEqual([{ code: 'E06000016', name: 'Leicester', areaType: 'County & UA', parentCode: 'E12000004' }]);
    expect(listAreas(db, { search: '100%' })).toEqual([]);
  });

  it('defaults sex and age only where unambiguous, and names the choices otherwise', async () => {
    const { db } = open();
    await importFiles(db, [REAL_FILE]);
    expect(queryChart(db, { indicatorId: '93356', areaCodes: ['E06000016'], age: '0-9 yrs' }).series[0]!.rows[0]!.value!.toFixed(2)).toBe('228.33');
    expect(() => queryChart(db, { indicatorId: '93356', areaCodes: ['E06000016'], sex: 'Male' })).toThrow(/no sex "Male"; it has: Persons/);
    expect(() => queryChart(db, { indicatorId: '93356', areaCodes: ['E99999999'] })).toThrow(/Area E99999999 is not in the indicator library/);
    expect(() => queryChart(db, { indicatorId: '1', areaCodes: ['E06000016'] })).toThrow(/Indicator 1 is not in the indicator library/);
    // Compared with its parent (the region) instead of England.
    const parent = queryChart(db, { indicatorId: '93356', areaCodes: ['E06000016'], comparator: 'parent' });
    expect(parent.series[0]!.comparator).toEqual({ code: 'E12000004', name: 'East Midlands region' });
    expect(parent.series[0]!.rows[0]!.significance).toBe('Better'); // the file: Compared to Region = Better
  });
});
