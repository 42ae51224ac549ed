import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { affectedCharts, describePreview } from '../../../../electron/services/library/affectedCharts';
import { importFiles, importToPath } from '../../../../electron/services/library/importFiles';
import { getIndicatorDetail } from '../../../../electron/services/library/indicators';
import type { Library } from '../../../../electron/services/library/openLibrary';
import { queryChart } from '../../../../electron/services/library/query';
import { listVintages, restoreVintage } from '../../../../electron/services/library/vintages';
import { addChapter } from '../../../../electron/services/documents/chapters';
import { createProject } from '../../../../electron/services/project/project';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, row, writeFile, useLibrary } from './helpers';

/** Region-split downloads built from the real file's rows (see test/fixtures/fingertips/constructed/SOURCE.txt). */
const DIR = resolve(__dirname, '../../../fixtures/fingertips/constructed');
const EAST = join(DIR, 'campylobacter-93356-east-midlands.csv');
const WEST = join(DIR, 'campylobacter-93356-west-midlands.csv');
const EAST_REVISED = join(DIR, 'campylobacter-93356-east-midlands-revised.csv');
const LEICESTER = 'E06000016';
const STOKE = 'E06000021';

describe('importing a second region, then a revision (issue 10 item 2)', () => {
  const tmp = useTempDir();
  const open = useLibrary(tmp);
  const values = (db: Library['db'], area: string) => queryChart(db, { indicatorId: '93356', areaCodes: [area] }).series[0]!.rows.map((r) => [r.period, r.value]);
  const count = (db: Library['db']) => (db.prepare('SELECT count(*) AS n FROM indicator_values').get() as { n: number }).n;

  it('East Midlands, then West Midlands, keeps both; then a revised East Midlands file replaces only its two changed rows', async () => {
    const { db } = open();
    const east = await importFiles(db, [EAST]);
    expect(east).toMatchObject({ rows: 113, added: 113, updated: 0, unchanged: 0, warnings: [] });
    const leicester = values(db, LEICESTER);
    expect(leicester).toHaveLength(3);

    const west = await importFiles(db, [WEST]);
    // England's 65 rows are in both downloads, the same: unchanged; the West Midlands rows are new.
    expect(west).toMatchObject({ rows: 138, added: 138 - 65, updated: 0, unchanged: 65 });
    expect(values(db, LEICESTER)).toEqual(leicester); // Leicester is still there
    expect(values(db, STOKE)).toHaveLength(3);
    expect(count(db)).toBe(113 + 138 - 65);
    expect(getIndicatorDetail(db, '93356').rows).toBe(113 + 138 - 65);

    // A preview says what the revision would change, and changes nothing.
    const before = readFileSync(join(tmp(), 'library.jsnalib'));
    const preview = await importFiles(db, [EAST_REVISED], { dryRun: true });
    expect(preview).toMatchObject({ added: 0, updated: 2, unchanged: 111 });
    expect(preview.changes).toEqual([{ indicatorId: '93356', added: 0, updated: 2, unchanged: 111, changedAreas: ['E06000015', LEICESTER] }]);
    expect(listVintages(db).map((v) => v.id)).toEqual([2, 1]);
    expect(readFileSync(join(tmp(), 'library.jsnalib'))).toEqual(before);

    const revised = await importFiles(db, [EAST_REVISED]);
    expect(revised).toMatchObject({ added: 0, updated: 2, unchanged: 111 });
    const now = values(db, LEICESTER);
    expect(now.slice(0, 2)).toEqual(leicester.slice(0, 2));
    expect(now[2]![1]).toBeCloseTo((leicester[2]![1] as number) + 5, 3);
    expect(values(db, STOKE)).toHaveLength(3);
    expect(count(db)).toBe(113 + 138 - 65);

    // Every vintage's values are kept: the two replaced ones are in the history under vintage 1.
    const vintages = listVintages(db, '93356');
    expect(vintages.map((v) => [v.id, v.fileName, v.added, v.updated, v.current])).toEqual([
      [3, 'campylobacter-93356-east-midlands-revised.csv', 0, 2, 2],
      [2, 'campylobacter-93356-west-midlands.csv', 73, 0, 73],
      [1, 'campylobacter-93356-east-midlands.csv', 113, 0, 111],
    ]);
    expect((db.prepare('SELECT vintage_id, superseded_by, count(*) AS n FROM value_history GROUP BY 1, 2').all())).toEqual([{ vintage_id: 1, superseded_by: 3, n: 2 }]);

    // Restore vintage 1: Leicester's old 2017 value is back, as a new (undoable) vintage; nothing lost.
    const restored = restoreVintage(db, 1);
    expect(restored).toMatchObject({ added: 0, updated: 2, vintage: { id: 4, restoredFrom: 1, fileName: 'campylobacter-93356-east-midlands.csv' } });
    expect(values(db, LEICESTER)).toEqual(leicester);
    expect(values(db, STOKE)).toHaveLength(3);
    // …and undone by restoring the revision.
    expect(restoreVintage(db, 3)).toMatchObject({ updated: 2, vintage: { id: 5, restoredFrom: 3 } });
    expect(values(db, LEICESTER)).toEqual(now);
    expect(count(db)).toBe(113 + 138 - 65);
    // Restoring it a second and third time has nothing to put back: refused, no empty vintage recorded.
    for (let i = 0; i < 2; i++) expect(() => restoreVintage(db, 3)).toThrow(/Vintage 3 \(campylobacter-93356-east-midlands-revised\.csv\) has nothing to restore/);
    expect(listVintages(db, '93356').map((v) => v.id)).toEqual([5, 4, 3, 2, 1]);

    // The same file twice changes nothing, and a file of old rows records no vintage.
    const again = await importFiles(db, [EAST_REVISED]);
    expect(again).toMatchObject({ updated: 0, added: 0, vintages: [] });
  });

  it('a rejected file leaves the library byte-identical, even after earlier imports', async () => {
    const path = join(tmp(), 'library.jsnalib');
    await importToPath(path, [EAST]);
    await importToPath(path, [WEST]);
    const before = readFileSync(path);
    const bad = writeFile(tmp(), 'bad.csv', fingertipsCsv([row({ 'Indicator ID': '93356', 'Area Code': LEICESTER, Value: '1' }), row({ 'Indicator ID': '93356', Value: 'abc' })]));
    await expect(importToPath(path, [EAST_REVISED, bad])).rejects.toThrow(/bad\.csv:3: column "Value": "abc" is not a number/);
    expect(readFileSync(path)).toEqual(before);
    // A preview of a library that does not exist leaves no file behind.
    const none = join(tmp(), 'none.jsnalib');
    await importToPath(none, [EAST], { dryRun: true });
    expect(() => readFileSync(none)).toThrow();
  });

  it("lists the project's charts an import would change, by chapter", async () => {
    const { db } = open();
    await importFiles(db, [EAST, WEST]);
    const preview = await importFiles(db, [EAST_REVISED], { dryRun: true });
    const project = createProject(join(tmp(), 'p.jsna'), 'Test');
    try {
      const chart = (indicatorId: string, areaCode: string, kind = 'trend') => ({ type: 'chart', attrs: { kind, indicatorId, indicatorIds: [], areaCode, comparators: ['E92000001'] } });
      addChapter(project, 'Starting well', { type: 'doc', content: [chart('93356', LEICESTER), { type: 'paragraph' }, chart('93356', STOKE)] });
      addChapter(project, 'Living well', { type: 'doc', content: [chart('93356', 'E06000015'), chart('99999', LEICESTER)] });
      addChapter(project, 'Ageing well', { type: 'doc', content: [chart('93356', STOKE)] });
      const affected = affectedCharts(project, preview);
      expect(affected.map((c) => [c.title, c.charts.map((x) => [x.index, x.areaCode])])).toEqual([
        ['Starting well', [[0, LEICESTER]]],
        ['Living well', [[0, 'E06000015']]],
      ]);
      expect(describePreview(preview, affected)).toBe('updates 2 values; 2 charts in 2 chapters change');
    } finally {
      project.close();
    }
  });
});
