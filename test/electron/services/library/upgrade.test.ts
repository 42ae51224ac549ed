import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { libraryMigrations } from '../../../../electron/services/db/migrations/library';
import { LIBRARY_APPLICATION_ID } from '../../../../electron/services/db/kinds';
import { migrate } from '../../../../electron/services/db/migrate';
import { getNativeBinding } from '../../../../electron/services/db/nativeBinding';
import { importFiles } from '../../../../electron/services/library/importFiles';
import { getIndicatorDetail } from '../../../../electron/services/library/indicators';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { queryChart } from '../../../../electron/services/library/query';
import { listVintages } from '../../../../electron/services/library/vintages';
import { useTempDir } from '../../../helpers/tmp';

const WEST = resolve(__dirname, '../../../fixtures/fingertips/constructed/campylobacter-93356-west-midlands.csv');

describe('a library made before migration 002', () => {
  const tmp = useTempDir();

  it('is upgraded on open, keeps its values, and a second region is added beside them', async () => {
    const path = join(tmp(), 'old.jsnalib');
    const old = new Database(path, { nativeBinding: getNativeBinding() });
    old.pragma(`application_id = ${LIBRARY_APPLICATION_ID}`);
    migrate(old, libraryMigrations.slice(0, 1), path);
    // As the 001 importer wrote them: Leicester's 2017 value, vintage 1.
    old.exec(`
      INSERT INTO indicators (id, name, value_type, multiplier, updated_at, row_count, latest_period, latest_period_sortable)
        VALUES ('93356', 'Campylobacter incidence rate/100,000', 'rate', 100000, '2026-01-01T00:00:00.000Z', 1, '2017', 20170000);
      INSERT INTO areas (id, code, name, area_type, parent_code) VALUES (1, 'E06000016', 'Leicester', 'County & UA', 'E12000004');
      INSERT INTO series (id, indicator_id, sex, age) VALUES (1, '93356', 'Persons', 'All ages');
      INSERT INTO vintages (id, indicator_id, file_name, sha256, format, imported_at, rows)
        VALUES (1, '93356', 'east.csv', '${'a'.repeat(64)}', 'fingertips', '2026-01-01T00:00:00.000Z', 1);
      INSERT INTO indicator_values VALUES (1, 1, 20170000, '2017', 55.5, 50.0, 61.0, NULL, NULL, 200, 360000, NULL, 'file', 'Better', 'Similar', 1);
    `);
    old.close();

    const lib = openLibrary(path);
    try {
      const before = queryChart(lib.db, { indicatorId: '93356', areaCodes: ['E06000016'] }).series[0]!.rows;
      expect(before).toMatchObject([
        { period: '2017', value: 55.5, significance: 'Better', comparedEngland: { label: 'Better', source: 'file' }, comparedGoal: null, recentTrend: { label: 'Cannot be calculated', source: 'computed' } },
      ]);
      const summary = await importFiles(lib.db, [WEST]);
      expect(summary.updated).toBe(0);
      const after = queryChart(lib.db, { indicatorId: '93356', areaCodes: ['E06000016'] }).series[0]!.rows;
      expect(after.map((r) => [r.period, r.value, r.significance, r.comparedEngland.label])).toEqual([['2017', 55.5, 'Better', 'Better']]);
      expect(getIndicatorDetail(lib.db, '93356').rows).toBe(1 + summary.added);
      expect(listVintages(lib.db, '93356').map((v) => [v.id, v.current])).toEqual([
        [2, summary.added],
        [1, 1],
      ]);
    } finally {
      lib.close();
    }
  });
});
