import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { proportionCI, rateCI } from '../../../../shared/stats';
import { firstInvalidUtf8, incompleteUtf8Tail, inspectTextFile as inspectFile } from '../../../../electron/services/text/decodeText';
import { fingertipsColumnFor } from '../../../../electron/services/library/fingertipsColumns';
import { importFiles } from '../../../../electron/services/library/importFiles';
import { getIndicatorDetail, getIndicatorMeta, listIndicators, updateIndicator } from '../../../../electron/services/library/indicators';
import { inferValueType } from '../../../../electron/services/library/inferValueType';
import { type Library, openLibrary } from '../../../../electron/services/library/openLibrary';
import { parsePolarity } from '../../../../electron/services/library/parseMetadata';
import { queryChart } from '../../../../electron/services/library/query';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, HEADER, REAL_FILE, row, writeFile } from './helpers';

const england = (over = {}) =>
  row({ 'Area Code': 'E92000001', 'Area Name': 'England', 'Area Type': 'Country', 'Parent Code': '', 'Parent Name': '', 'Compared to England value or percentiles': 'Not compared', Value: '94.7', ...over });

describe('file formats and metadata', () => {
  const tmp = useTempDir();
  let lib: Library | null = null;
  afterEach(() => {
    lib?.close();
    lib = null;
  });
  const db = () => (lib ??= openLibrary(join(tmp(), 'library.jsnalib'))).db;

  it('reads header variants: no spaces, underscores, another parent column, another column order', async () => {
    const variant = HEADER.map((h) =>
      ({
        'Indicator ID': 'IndicatorID',
        'Lower CI 95.0 limit': 'Lower_CI_95.0_limit',
        'Upper CI 95.0 limit': 'Upper_CI_95.0_limit',
        'Value note': 'Value_note',
        'Time period': 'Timeperiod',
        'Compared to Region value or percentiles': 'Compared to CCGs (from Apr 2021) value or percentiles',
        'Time period Sortable': 'Time_period_Sortable',
      })[h] ?? h,
    );
    const order = [...HEADER].reverse();
    const reversedHeader = [...variant].reverse();
    const file = writeFile(tmp(), 'variants.csv', fingertipsCsv([england(), row({ 'Value note': 'a note', 'Compared to Region value or percentiles': 'Similar' })], { header: reversedHeader, canonical: order }));
    const summary = await importFiles(db(), [file]);
    expect(summary.rows).toBe(2);
    const r = queryChart(db(), { indicatorId: '90001', areaCodes: ['E06000016'] }).series[0]!.rows[0]!;
    expect(r).toMatchObject({ value: 51.66, lowerCi95: 44.33, upperCi95: 59.86, valueNote: 'a note', ciMethod: 'file', significance: 'Better' });
    expect(db().prepare('SELECT compared_parent FROM indicator_values WHERE value_note IS NOT NULL').get()).toEqual({ compared_parent: 'Similar' });
    expect(fingertipsColumnFor('Compared to goal')).toBe('comparedGoal');
    expect(fingertipsColumnFor('Compared to England value or percentiles')).toBe('comparedEngland');
    expect(fingertipsColumnFor('Compared to Region value or percentiles')).toBe('comparedParent');
    expect(fingertipsColumnFor('lower ci 95.0 limit')).toBe('lower95');
  });

  it('works out the sortable period when the file has no sortable column', async () => {
    const canonical = HEADER.filter((h) => h !== 'Time period Sortable');
    const file = writeFile(
      tmp(),
      'nosort.csv',
      fingertipsCsv(
        [row({ 'Time period': '2016/17 - 18/19' }), row({ 'Time period': '2015 - 17' }), row({ 'Time period': 'Mar 2020' }), row({ 'Time period': '2020 Q1' })],
        { canonical },
      ),
    );
    await importFiles(db(), [file]);
    const rows = queryChart(db(), { indicatorId: '90001', areaCodes: ['E06000016'] }).series[0]!.rows;
    expect(rows.map((r) => [r.period, r.periodSortable])).toEqual([
      ['2015 - 17', 20150000],
      ['2016/17 - 18/19', 20160000],
      ['Mar 2020', 20200003], // YYYYQQMM: a month sorts before a quarter of the same year
      ['2020 Q1', 20200100],
    ]);
    const bad = writeFile(tmp(), 'badperiod.csv', fingertipsCsv([row({ 'Time period': 'last year' })], { canonical }));
    await expect(importFiles(db(), [bad])).rejects.toThrow(`${bad}:2: the period "last year" is not one JSNA Studio can place in time`);
  });

  it('decodes Windows-1252 (Excel) files and UTF-8 files with or without a BOM', async () => {
    const ynys = row({ 'Area Code': 'W06000001', 'Area Name': 'Ynys M\u00f4n', 'Value note': 'Data for 2015 \u2013 provisional', 'Indicator ID': '1' });
    const latin = writeFile(tmp(), 'excel.csv', Buffer.from(fingertipsCsv([ynys]).replace('\u2013', '-'), 'latin1'));
    expect((await inspectFile(latin)).encoding).toBe('windows-1252');
    const cp1252 = Buffer.from(fingertipsCsv([{ ...ynys, 'Indicator ID': '2' }]), 'latin1');
    cp1252[cp1252.indexOf(Buffer.from('2015 ')) + 5] = 0x96; // en dash in Windows-1252
    const dash = writeFile(tmp(), 'excel-dash.csv', cp1252);
    const bom = writeFile(tmp(), 'bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fingertipsCsv([{ ...ynys, 'Indicator ID': '3' }]))]));
    expect(await inspectFile(bom)).toMatchObject({ encoding: 'utf-8', bom: true });
    const plain = writeFile(tmp(), 'utf8.csv', fingertipsCsv([{ ...ynys, 'Indicator ID': '4' }]));
    expect(await inspectFile(plain)).toMatchObject({ encoding: 'utf-8', bom: false });
    await importFiles(db(), [latin, dash, bom, plain]);
    expect(db().prepare("SELECT name FROM areas WHERE code = 'W06000001'").get()).toEqual({ name: 'Ynys M\u00f4n' });
    expect(listIndicators(db()).map((i) => i.id)).toEqual(['1', '2', '3', '4']);
    const note = (id: string) => queryChart(db(), { indicatorId: id, areaCodes: ['W06000001'] }).series[0]!.rows[0]!.valueNote;
    expect([note('1'), note('2'), note('3'), note('4')]).toEqual([
      'Data for 2015 - provisional',
      'Data for 2015 \u2013 provisional',
      'Data for 2015 \u2013 provisional',
      'Data for 2015 \u2013 provisional',
    ]);
  });

  it('counts physical lines across quoted line breaks and mixed CRLF / LF / CR endings', async () => {
    const text =
      fingertipsCsv([row({ 'Area Code': 'A1', 'Indicator Name': 'Two\r\nline name rate/100,000' })], { eol: '\r\n' }) +
      fingertipsCsv([row({ 'Area Code': 'A2', 'Value note': 'a\nb\nc' })], { eol: '\n' }).split('\n').slice(1).join('\n') +
      '\r' +
      fingertipsCsv([row({ 'Area Code': 'A3', Value: 'oops' })], { eol: '\n' }).split('\n').slice(1).join('\n');
    const file = writeFile(tmp(), 'mixed.csv', text);
    // header 1; A1 on 2-3; A2 on 4-6 (+ blank line 7 from the split); A3 on 8.
    await expect(importFiles(db(), [file])).rejects.toThrow(`${file}:8: column "Value": "oops" is not a number.`);
  });

  it('UTF-8 helpers find character boundaries and the first bad byte', () => {
    expect(incompleteUtf8Tail(Buffer.from('ab\u00f4', 'utf8').subarray(0, 3))).toBe(1);
    expect(incompleteUtf8Tail(Buffer.from('ab\u00f4', 'utf8'))).toBe(0);
    expect(incompleteUtf8Tail(Buffer.from('\u20ac', 'utf8').subarray(0, 2))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xf4, 0x20]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from('ok \u00f4', 'utf8'))).toBe(5);
  });

  it('imports a tidy CSV beside Fingertips data, computing CIs from count and denominator', async () => {
    const tidy = writeFile(
      tmp(),
      'survey.csv',
      [
        'Indicator_ID,indicator_name,area_code,area_name,period,value,count,denominator,unit,sex,age,category_type,category,lower_ci,upper_ci,value_note,extra',
        'SCH-01,Pupils who feel safe at school (%),E06000016,Leicester,2022/23,80,800,1000,%,,,,,,,,ignored',
        'SCH-01,Pupils who feel safe at school (%),E92000001,England,2022/23,85,850,1000,%,,,,,,,,',
        'SCH-01,Pupils who feel safe at school (%),E06000016,Leicester,2022/23,75,150,200,%,Female,11-16 yrs,Gender,Girls,,,,',
        'SCH-02,Bullying reports rate per 1000 pupils,E06000016,Leicester,2022,12.5,5,400,,,,,,,,,',
        'SCH-02,Bullying reports rate per 1000 pupils,E06000016,Leicester,2023,,,400,,,,,,,,"suppressed, small numbers",',
        'SCH-03,Survey score,E06000016,Leicester,2023,61.2,,,,,,,,58.1,64.3,,',
      ].join('\n') + '\n',
    );
    const summary = await importFiles(db(), [REAL_FILE, tidy]);
    expect(summary.rows).toBe(852 + 6);
    expect(summary.vintages.map((v) => [v.indicatorId, v.rows])).toEqual([
      ['93356', 852],
      ['SCH-01', 3],
      ['SCH-02', 2],
      ['SCH-03', 1],
    ]);
    const m1 = getIndicatorMeta(db(), 'SCH-01');
    expect(m1).toMatchObject({ valueType: 'proportion', multiplier: 100, unit: '%', polarity: null, source: null, illustrative: false });
    const r = queryChart(db(), { indicatorId: 'SCH-01', areaCodes: ['E06000016'] }).series[0]!.rows[0]!;
    const wilson = proportionCI(800, 1000);
    expect(r).toMatchObject({ period: '2022/23', periodSortable: 20220000, value: 80, ciMethod: 'wilson', comparator: { area: 'E92000001', value: 85 }, significance: 'Lower' });
    expect(r.lowerCi95).toBeCloseTo(wilson.lower, 12);
    expect(r.upperCi95).toBeCloseTo(wilson.upper, 12);
    const girls = queryChart(db(), { indicatorId: 'SCH-01', areaCodes: ['E06000016'], category: 'girls', sex: 'female', age: '11-16 yrs' });
    expect(girls.breakdown).toEqual({ sex: 'Female', age: '11-16 yrs', categoryType: 'Gender', category: 'Girls' });
    expect(girls.series[0]!.rows[0]!.value).toBe(75);
    const m2 = getIndicatorMeta(db(), 'SCH-02');
    expect(m2).toMatchObject({ valueType: 'rate', multiplier: 1000, unit: 'per 1,000' });
    const rows2 = queryChart(db(), { indicatorId: 'SCH-02', areaCodes: ['E06000016'] }).series[0]!.rows;
    expect(rows2[0]).toMatchObject({ ciMethod: 'exact-poisson', comparator: { area: 'E92000001', value: null }, significance: 'Not compared' });
    expect(rows2[0]!.lowerCi95).toBeCloseTo(rateCI(5, 400, 1000).lower, 12);
    expect(rows2[1]).toMatchObject({ value: null, ciMethod: null, valueNote: 'suppressed, small numbers' });
    expect(queryChart(db(), { indicatorId: 'SCH-03', areaCodes: ['E06000016'] }).series[0]!.rows[0]).toMatchObject({ ciMethod: 'file', lowerCi95: 58.1 });
    // The tidy indicators sit beside the Fingertips one, and are found by area.
    expect(listIndicators(db(), { areaCode: 'E06000016' }).map((i) => i.id)).toEqual(['SCH-02', '93356', 'SCH-01', 'SCH-03']);
  });

  it('names tidy header and row problems', async () => {
    const missing = writeFile(tmp(), 'missing.csv', 'indicator_id,indicator_name,area_code,period,count\nA,B,C,2020,1\n');
    await expect(importFiles(db(), [missing], { format: 'tidy' })).rejects.toThrow(`${missing}:1: not a tidy indicator file: the header lacks the columns "area_name", "value".`);
    const short = writeFile(tmp(), 'short.csv', 'indicator_id,indicator_name,area_code,area_name,period,value\nA,B,C,D,2020,1\nA,B,C,D\n');
    await expect(importFiles(db(), [short])).rejects.toThrow(`${short}:3: the record has only 4 of the header's 6 fields; is the file cut short?`);
    const forced = writeFile(tmp(), 'forced.csv', fingertipsCsv([row()]));
    await expect(importFiles(db(), [forced], { format: 'tidy' })).rejects.toThrow(`${forced}:1: not a tidy indicator file: the header lacks the column "period".`);
  });

  it('applies a metadata CSV: unit, value type, definition, source, illustrative, and polarity over inference', async () => {
    const meta = writeFile(
      tmp(),
      'meta.csv',
      [
        'indicator_id,unit,polarity,value_type,multiplier,definition,source,illustrative',
        '93356,per 100,000 population,RAG - High is good,,,"Laboratory reports of Campylobacter, per 100,000 population",,no',
      ].join('\n'),
    );
    // The quoted unit with a comma is a problem: unquoted "per 100,000 population" splits into two fields.
    await expect(importFiles(db(), [REAL_FILE], { metadataPath: meta })).rejects.toThrow(`${meta}:2: the record has 9 fields but the header has 8`);
    const good = writeFile(
      tmp(),
      'meta2.csv',
      'indicator_id,unit,polarity,value_type,multiplier,definition,source,illustrative\n93356,"per 100,000 population",RAG - High is good,,,"Laboratory reports, per 100,000",PHE,no\n',
    );
    await importFiles(db(), [REAL_FILE], { metadataPath: good });
    expect(getIndicatorMeta(db(), '93356')).toEqual({
      id: '93356',
      name: 'Campylobacter incidence rate/100,000',
      unit: 'per 100,000 population',
      polarity: 'high-is-good', // metadata wins over the labels (which say low is good)
      polaritySource: 'metadata',
      valueType: 'rate',
      multiplier: 100000,
      definition: 'Laboratory reports, per 100,000',
      source: 'PHE',
      illustrative: false,
      comparisonMethod: 'ci-overlap-95', // inferred from the file's labels
      comparisonMethodSource: 'inferred',
      computeForEstimates: false,
      goal: null,
    });
    // A later Fingertips import infers nothing over metadata…
    const newer = writeFile(tmp(), 'newer.csv', fingertipsCsv([row({ 'Indicator ID': '93356' }), england({ 'Indicator ID': '93356' })]));
    await importFiles(db(), [newer]);
    expect(getIndicatorMeta(db(), '93356')).toMatchObject({ polarity: 'high-is-good', polaritySource: 'metadata', unit: 'per 100,000 population', source: 'PHE' });
    // …and the author's choice wins over both; a metadata file does not undo it.
    updateIndicator(db(), { id: '93356', polarity: 'low-is-good' });
    await importFiles(db(), [], { metadataPath: good });
    expect(getIndicatorMeta(db(), '93356')).toMatchObject({ polarity: 'low-is-good', polaritySource: 'author' });
    // Clearing it lets inference speak again on the next import.
    updateIndicator(db(), { id: '93356', polarity: null });
    expect(getIndicatorMeta(db(), '93356')).toMatchObject({ polarity: null, polaritySource: null });
    await importFiles(db(), [REAL_FILE]);
    expect(getIndicatorMeta(db(), '93356')).toMatchObject({ polarity: 'low-is-good', polaritySource: 'inferred' });
  });

  it('refuses metadata for unknown indicators and with bad values, naming the line', async () => {
    await importFiles(db(), [REAL_FILE]);
    const cases: [string, string][] = [
      ['indicator_id,polarity\n93356,sideways\n', ':2: column "polarity": "sideways" is not one of high-is-good, low-is-good, no-judgement.'],
      ['indicator_id,value_type\n93356,rate\n', ':2: value_type "rate" needs a multiplier'],
      ['indicator_id,multiplier\n93356,-5\n', ':2: column "multiplier": -5 is not a number greater than 0.'],
      ['indicator_id,illustrative\n93356,maybe\n', ':2: column "illustrative": "maybe" is not yes or no.'],
      ['indicator_id,unit\n93356,%\n93356,%\n', ':3: indicator 93356 is described twice (first on line 2).'],
      ['indicator_id,unit\n\n12345,%\n', ':3: indicator 12345 is neither in the library nor in the files imported with this metadata.'],
      ['unit,polarity\n%,low\n', ':1: not an indicator metadata file: the header lacks the column "indicator_id".'],
    ];
    for (const [content, message] of cases) {
      const f = writeFile(tmp(), 'm.csv', content);
      await expect(importFiles(db(), [], { metadataPath: f })).rejects.toThrow(`${f}${message}`);
    }
    expect(parsePolarity('RAG - Low is good   ')).toBe('low-is-good');
    expect(parsePolarity('BOB - Blue orange blue')).toBe('no-judgement');
    expect(parsePolarity('high is good')).toBe('high-is-good');
    expect(parsePolarity('up')).toBeNull();
  });

  it('recomputes computed CIs (never the file\'s) when the value type or multiplier changes', async () => {
    const tidy = writeFile(tmp(), 't.csv', 'indicator_id,indicator_name,area_code,area_name,period,value,count,denominator,lower_ci,upper_ci\nX,Thing,E1,One,2020,5,5,100,,\nX,Thing,E2,Two,2020,6,6,100,4,8\n');
    await importFiles(db(), [tidy]);
    expect(getIndicatorMeta(db(), 'X').valueType).toBe('other');
    const ci = () => queryChart(db(), { indicatorId: 'X', areaCodes: ['E1', 'E2'] }).series.map((s) => [s.rows[0]!.ciMethod, s.rows[0]!.lowerCi95]);
    expect(ci()).toEqual([[null, null], ['file', 4]]);
    updateIndicator(db(), { id: 'X', valueType: 'proportion' });
    expect(getIndicatorMeta(db(), 'X')).toMatchObject({ valueType: 'proportion', multiplier: 100 });
    expect(ci()).toEqual([['wilson', proportionCI(5, 100).lower], ['file', 4]]);
    const meta = writeFile(tmp(), 'meta.csv', 'indicator_id,value_type,multiplier\nX,rate,100\n');
    // The author edited the value type, so the metadata file leaves it alone.
    await importFiles(db(), [], { metadataPath: meta });
    expect(getIndicatorMeta(db(), 'X').valueType).toBe('proportion');
    expect(() => updateIndicator(db(), { id: 'X', valueType: 'rate', multiplier: null })).toThrow(/A rate needs a multiplier/);
    updateIndicator(db(), { id: 'X', valueType: 'rate', multiplier: 100 });
    expect(ci()).toEqual([['exact-poisson', rateCI(5, 100, 100).lower], ['file', 4]]);
    expect(() => updateIndicator(db(), { id: 'nope' })).toThrow(/Indicator nope is not in the indicator library/);
  });

  it('infers value type and unit from names where obvious', () => {
    expect(inferValueType('Campylobacter incidence rate/100,000')).toEqual({ valueType: 'rate', multiplier: 100000, unit: 'per 100,000' });
    expect(inferValueType('Under 18s conception rate / 1,000')).toEqual({ valueType: 'rate', multiplier: 1000, unit: 'per 1,000' });
    expect(inferValueType('Deaths per 100 000 population')).toEqual({ valueType: 'rate', multiplier: 100000, unit: 'per 100,000' });
    expect(inferValueType('Admissions per 1000.5 people')).toMatchObject({ valueType: 'other' });
    expect(inferValueType('Admissions, rate per 100,000.')).toMatchObject({ multiplier: 100000 });
    expect(inferValueType('Smoking prevalence in adults (%)')).toEqual({ valueType: 'proportion', multiplier: 100, unit: '%' });
    expect(inferValueType('Proportion of children with a 2-2.5 year review')).toMatchObject({ valueType: 'proportion' });
    expect(inferValueType('Number of NHS Health Checks')).toMatchObject({ valueType: 'count' });
    expect(inferValueType('Life expectancy at birth')).toMatchObject({ valueType: 'other' });
    expect(inferValueType('Children in care aged 0-17 per 10,000')).toMatchObject({ valueType: 'rate', multiplier: 10000 });
  });

  it('gives an indicator detail with breakdowns, the latest value and vintages', async () => {
    await importFiles(db(), [REAL_FILE]);
    const d = getIndicatorDetail(db(), '93356', 'E06000016');
    expect(d.breakdowns[0]).toEqual({ sex: 'Persons', age: 'All ages', categoryType: '', category: '' });
    expect(d.breakdowns).toHaveLength(22);
    expect(d.latest).toMatchObject({ areaCode: 'E06000016', areaName: 'Leicester', period: '2017', breakdown: { age: 'All ages' } });
    expect(getIndicatorDetail(db(), '93356').latest).toMatchObject({ areaCode: 'E92000001', period: '2017' });
    expect(d.vintages).toHaveLength(1);
  });
});
