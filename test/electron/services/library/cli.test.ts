import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsna } from '../../../helpers/cli';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, REAL_FILE, REAL_SHA256, row, sha256, writeFile } from './helpers';

describe('jsna library …', () => {
  const tmp = useTempDir();

  it('imports, lists and queries the real file end to end', async () => {
    const lib = join(tmp(), 'cli.jsnalib');
    const imported = await jsna('library', 'import', lib, REAL_FILE);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.out);
    expect(Object.keys(summary)).toEqual(['rows', 'indicators', 'areas', 'vintages', 'added', 'updated', 'unchanged', 'warnings']);
    expect(summary).toMatchObject({ rows: 852, indicators: 1, areas: 162, vintages: [{ indicatorId: '93356', sha256: REAL_SHA256, rows: 852 }] });

    const again = await jsna('library', 'import', lib, REAL_FILE);
    expect(JSON.parse(again.out)).toEqual({ rows: 0, indicators: 0, areas: 0, vintages: [], added: 0, updated: 0, unchanged: 0, warnings: [] });

    const list = await jsna('library', 'indicators', lib, '--format', 'json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toEqual([
      { id: '93356', name: 'Campylobacter incidence rate/100,000', unit: 'per 100,000', polarity: 'low-is-good', valueType: 'rate', rows: 852, latestPeriod: '2017' },
    ]);
    const text = await jsna('library', 'indicators', lib, '--format', 'text');
    expect(text.out).toBe('93356\tCampylobacter incidence rate/100,000\t852 rows\tlatest 2017\n');

    const query = await jsna('library', 'query', lib, '--indicator', '93356', '--area', 'E06000016');
    expect(query.code).toBe(0);
    const rows = JSON.parse(query.out);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0])).toEqual([
      'period', 'periodSortable', 'value', 'lowerCi95', 'upperCi95', 'count', 'denominator', 'valueNote', 'comparator', 'significance', 'ciMethod',
      'lower998', 'upper998', 'comparedEngland', 'comparedParent', 'comparedGoal', 'recentTrend',
    ]);
    expect(rows[0].comparedEngland).toEqual({ label: 'Better', outcome: 'better', source: 'file', method: 'ci-overlap-95', benchmarkCode: 'E92000001' });
    expect(rows[0]).toMatchObject({ period: '2015', periodSortable: 20150000, count: 177, denominator: 342627, valueNote: null, significance: 'Better', ciMethod: 'file' });
    expect(rows[0].value.toFixed(2)).toBe('51.66');
    expect([rows[0].lowerCi95.toFixed(3), rows[0].upperCi95.toFixed(3)]).toEqual(['44.329', '59.856']);
    expect(rows[0].comparator.area).toBe('E92000001');

    const young = await jsna('library', 'query', lib, '--indicator', '93356', '--area', 'E06000016', '--age', '0-9 yrs', '--comparator', 'parent');
    expect(JSON.parse(young.out)[0]).toMatchObject({ comparator: { area: 'E12000004' } });
    const decile = await jsna('library', 'query', lib, '--indicator', '93356', '--area', 'E92000001', '--category', 'Most deprived decile (IMD2015)', '--category-type', 'County & UA deprivation deciles in England (IMD2015)');
    expect(JSON.parse(decile.out)[0]).toMatchObject({ ciMethod: null, lowerCi95: null, comparator: null, significance: 'Not compared' });
  });

  it('lists vintages, previews with --dry-run and restores a vintage', async () => {
    const lib = join(tmp(), 'cli.jsnalib');
    const dir = resolve(__dirname, '../../../fixtures/fingertips/constructed');
    await jsna('library', 'import', lib, join(dir, 'campylobacter-93356-east-midlands.csv'));
    await jsna('library', 'import', lib, join(dir, 'campylobacter-93356-west-midlands.csv'));
    const before = sha256(lib);
    const dry = await jsna('library', 'import', lib, join(dir, 'campylobacter-93356-east-midlands-revised.csv'), '--dry-run');
    expect(JSON.parse(dry.out)).toMatchObject({ added: 0, updated: 2, dryRun: true, changes: [{ indicatorId: '93356', updated: 2, changedAreas: ['E06000015', 'E06000016'] }] });
    expect(sha256(lib)).toBe(before);
    await jsna('library', 'import', lib, join(dir, 'campylobacter-93356-east-midlands-revised.csv'));
    const list = await jsna('library', 'vintages', lib, '--indicator', '93356', '--format', 'json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).map((v: { id: number; added: number; updated: number }) => [v.id, v.added, v.updated])).toEqual([[3, 0, 2], [2, 73, 0], [1, 113, 0]]);
    const restored = await jsna('library', 'restore-vintage', lib, '1');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.out)).toMatchObject({ updated: 2, vintage: { id: 4, restoredFrom: 1 } });
    const missing = await jsna('library', 'restore-vintage', lib, '42');
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/Vintage 42 is not in the indicator library/);
  });

  it('exits 2 with file:line on stderr for a broken file, leaving the library byte-identical', async () => {
    const lib = join(tmp(), 'cli.jsnalib');
    expect((await jsna('library', 'import', lib, REAL_FILE)).code).toBe(0);
    const before = sha256(lib);
    const bad = writeFile(tmp(), 'bad.csv', fingertipsCsv([row(), row({ 'Area Code': 'E06000001', Value: 'abc' })]));
    const result = await jsna('library', 'import', lib, bad);
    expect(result).toEqual({ code: 2, out: '', err: `jsna library import: ${bad}:3: column "Value": "abc" is not a number.\n` });
    expect(sha256(lib)).toBe(before);
    // A rejected import into a new library creates nothing.
    const fresh = join(tmp(), 'fresh.jsnalib');
    expect((await jsna('library', 'import', fresh, bad)).code).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  });

  it('checks arguments and names missing things', async () => {
    const lib = join(tmp(), 'cli.jsnalib');
    expect(await jsna('library', 'import', lib, REAL_FILE, '--format', 'xlsx')).toMatchObject({ code: 2, err: 'jsna library import: --format must be fingertips or tidy (got "xlsx").\n' });
    expect((await jsna('library', 'import', lib)).err).toMatch(/choose at least one file to import/);
    expect(await jsna('library', 'indicators', join(tmp(), 'missing.jsnalib'))).toMatchObject({ code: 2, err: expect.stringMatching(/missing\.jsnalib: no such file/) });
    await jsna('library', 'import', lib, REAL_FILE);
    expect(await jsna('library', 'query', lib, '--area', 'E06000016')).toMatchObject({ code: 2, err: 'jsna library query: --indicator is required.\n' });
    expect(await jsna('library', 'query', lib, '--indicator', '93356', '--area', 'E06000016', '--sex', 'Male')).toMatchObject({
      code: 2,
      err: 'jsna library query: Indicator 93356 has no sex "Male"; it has: Persons.\n',
    });
    expect(await jsna('library', 'query', lib, '--indicator', '93356', '--area', 'X1')).toMatchObject({ code: 2, err: 'jsna library query: Area X1 is not in the indicator library.\n' });
  });

  it('imports a tidy file with its metadata', async () => {
    const lib = join(tmp(), 'cli.jsnalib');
    const data = writeFile(tmp(), 'd.csv', 'indicator_id,indicator_name,area_code,area_name,period,value\nL1,Local thing,E06000016,Leicester,2023,4\n');
    const meta = writeFile(tmp(), 'm.csv', 'indicator_id,polarity,illustrative\nL1,low is good,yes\n');
    const r = await jsna('library', 'import', lib, data, '--format', 'tidy', '--metadata', meta);
    expect(r.code).toBe(0);
    expect(JSON.parse((await jsna('library', 'indicators', lib)).out)).toEqual([
      { id: 'L1', name: 'Local thing', unit: null, polarity: 'low-is-good', valueType: 'other', rows: 1, latestPeriod: '2023' },
    ]);
  });

  it('refuses a tidy file forced as --format fingertips, naming the file and its header line, and records each format as the file has it', async () => {
    const tidy = writeFile(tmp(), 'survey.csv', 'indicator_id,indicator_name,area_code,area_name,period,value,lower_ci,upper_ci,unit\nL1,Local thing,E06000016,Leicester,2023,4,3,5,%\n');
    // Into a new library: refused, nothing made.
    const fresh = join(tmp(), 'forced.jsnalib');
    const refused = await jsna('library', 'import', fresh, tidy, '--format', 'fingertips');
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toContain(`${tidy}:1: not a Fingertips data file: the header is a tidy indicator file's`);
    expect(refused.err).toContain('--format tidy');
    expect(existsSync(fresh)).toBe(false);
    // Into a library with data: refused, the library byte-identical.
    const lib = join(tmp(), 'formats.jsnalib');
    expect((await jsna('library', 'import', lib, REAL_FILE, '--format', 'fingertips')).code).toBe(0);
    const before = sha256(lib);
    expect((await jsna('library', 'import', lib, tidy, '--format', 'fingertips')).code).toBe(2);
    expect(sha256(lib)).toBe(before);
    // As the file really is: tidy, with its CIs and unit, not credited to Fingertips.
    expect((await jsna('library', 'import', lib, tidy)).code).toBe(0);
    const vintages = JSON.parse((await jsna('library', 'vintages', lib)).out) as { indicatorId: string; format: string }[];
    expect(vintages.map((v) => [v.indicatorId, v.format]).sort()).toEqual([['93356', 'fingertips'], ['L1', 'tidy']]);
    const [value] = JSON.parse((await jsna('library', 'query', lib, '--indicator', 'L1', '--area', 'E06000016')).out) as { lowerCi95: number; upperCi95: number }[];
    expect(value).toMatchObject({ lowerCi95: 3, upperCi95: 5 });
  });

  it("reads a tidy file with the tidy format's optional area_type column as tidy, and refuses it forced as --format fingertips", async () => {
    // area_type is one of the tidy format's own columns (parseTidy.ts); with indicator_name it once made the header "look like" Fingertips.
    const tidy = writeFile(tmp(), 'survey.csv', 'indicator_id,indicator_name,area_code,area_name,area_type,period,value,lower_ci,upper_ci,unit\nL1,Local thing,E06000016,Leicester,County & UA,2023,4,3,5,%\n');
    const forced = join(tmp(), 'forced.jsnalib');
    for (let round = 0; round < 2; round++) {
      const refused = await jsna('library', 'import', forced, tidy, '--format', 'fingertips');
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`${tidy}:1: not a Fingertips data file: the header is a tidy indicator file's`);
      expect(existsSync(forced)).toBe(false);
    }
    for (const format of [[], ['--format', 'tidy']]) {
      const lib = join(tmp(), `tidy${format.length}.jsnalib`);
      expect((await jsna('library', 'import', lib, tidy, ...format)).code).toBe(0);
      const vintages = JSON.parse((await jsna('library', 'vintages', lib)).out) as { indicatorId: string; format: string }[];
      expect(vintages.map((v) => [v.indicatorId, v.format])).toEqual([['L1', 'tidy']]);
      const [value] = JSON.parse((await jsna('library', 'query', lib, '--indicator', 'L1', '--area', 'E06000016')).out) as { lowerCi95: number; upperCi95: number }[];
      expect(value).toMatchObject({ lowerCi95: 3, upperCi95: 5 });
      const [indicator] = JSON.parse((await jsna('library', 'indicators', lib, '--format', 'json')).out) as { unit: string }[];
      expect(indicator).toMatchObject({ unit: '%' });
    }
  });

  // The bundled CLI as users run it (npm test builds it first): its imports go through the import worker.
  const built = resolve(__dirname, '../../../../dist/electron/cli.cjs');
  it.skipIf(!existsSync(built))('the built CLI imports in its worker thread, and exits 2 with file:line for a broken file', () => {
    expect(existsSync(resolve(built, '..', 'libraryImportWorker.cjs'))).toBe(true);
    const lib = join(tmp(), 'built.jsnalib');
    const ok = spawnSync(process.execPath, [built, 'library', 'import', lib, REAL_FILE], { encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ rows: 852, indicators: 1, areas: 162 });
    const before = sha256(lib);
    const bad = writeFile(tmp(), 'bad.csv', fingertipsCsv([row(), row({ 'Area Code': 'E06000001', Value: '12x' })]));
    const failed = spawnSync(process.execPath, [built, 'library', 'import', lib, bad], { encoding: 'utf8' });
    expect([failed.status, failed.stdout, failed.stderr]).toEqual([2, '', `jsna library import: ${bad}:3: column "Value": "12x" is not a number.\n`]);
    expect(sha256(lib)).toBe(before);
  });
});
