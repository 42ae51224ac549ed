import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getIndicatorMeta, listIndicators } from '../../../../electron/services/library/indicators';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { queryChart } from '../../../../electron/services/library/query';
import { buildSampleLibrary, sampleLibraryFiles } from '../../../../electron/services/library/sampleLibrary';
import { useTempDir } from '../../../helpers/tmp';
import { REAL_FILE, REAL_SHA256, sha256 } from './helpers';

const ILLUSTRATIVE = 'Illustrative data — not official statistics';
const BASKET = ['E10000028', 'E06000021', 'E06000016', 'E12000005', 'E92000001'];

describe('the sample library', () => {
  const tmp = useTempDir();

  it('holds the real Fingertips file, unchanged, with its OGL attribution', () => {
    const { data } = sampleLibraryFiles();
    expect(sha256(data[0]!)).toBe(REAL_SHA256);
    expect(sha256(REAL_FILE)).toBe(REAL_SHA256);
    const source = readFileSync(join(data[0]!, '..', 'SOURCE.txt'), 'utf8');
    expect(source).toContain('Contains public sector information licensed under the Open Government Licence v3.0');
    expect(source).toContain(ILLUSTRATIVE);
  });

  it('builds with the import code; every illustrative indicator says so in its name, source and flag', async () => {
    const path = join(tmp(), 'sample.jsnalib');
    const summary = await buildSampleLibrary(path);
    expect(summary).toMatchObject({ indicators: 8, metadataIndicators: 7 });
    const lib = openLibrary(path, { readOnly: true });
    try {
      const indicators = listIndicators(lib.db);
      const illustrative = indicators.filter((i) => i.illustrative);
      expect(illustrative.map((i) => i.id).sort()).toEqual(['ILLUS-CLIF', 'ILLUS-EW6', 'ILLUS-EWR', 'ILLUS-MHP', 'ILLUS-SH', 'ILLUS-SR', 'ILLUS-U18C']);
      expect(indicators.find((i) => i.id === '93356')).toMatchObject({ illustrative: false, rows: 852 });
      for (const i of illustrative) {
        const meta = getIndicatorMeta(lib.db, i.id);
        expect(meta.illustrative).toBe(true);
        expect(meta.name).toContain(ILLUSTRATIVE);
        expect(meta.source).toContain(ILLUSTRATIVE);
        expect(meta.polaritySource).toBe('metadata');
        expect(meta.definition).toBeTruthy();
        for (const code of BASKET) {
          const rows = queryChart(lib.db, { indicatorId: i.id, areaCodes: [code] }).series[0]!.rows;
          // The modelled estimate (constructed) has one period; the basket five.
          expect(rows, `${i.id} ${code}`).toHaveLength(i.id === 'ILLUS-MHP' ? 1 : 5);
        }
      }
      const readiness = queryChart(lib.db, { indicatorId: 'ILLUS-SR', areaCodes: ['E06000021'] });
      expect(readiness.indicator).toMatchObject({ polarity: 'high-is-good', valueType: 'proportion', multiplier: 100, unit: '%' });
      expect(readiness.series[0]!.rows.every((r) => r.ciMethod === 'wilson')).toBe(true);
      expect(readiness.series[0]!.rows.map((r) => r.significance)).toContain('Worse');
      const conceptions = queryChart(lib.db, { indicatorId: 'ILLUS-U18C', areaCodes: ['E10000028'], comparator: 'parent' });
      expect(conceptions.series[0]!.comparator).toEqual({ code: 'E12000005', name: 'West Midlands region' });
      expect(conceptions.series[0]!.rows[0]!.ciMethod).toBe('byar');
      const selfHarm = queryChart(lib.db, { indicatorId: 'ILLUS-SH', areaCodes: ['E06000021'] }).series[0]!.rows;
      expect(selfHarm.find((r) => r.period === '2020/21')).toMatchObject({ value: null, ciMethod: null, significance: 'Not compared' });
      // The constructed modelled estimate: no CI is computed and no comparison, and it says so.
      const modelled = queryChart(lib.db, { indicatorId: 'ILLUS-MHP', areaCodes: ['E06000016'] }).series[0]!.rows[0]!;
      expect(modelled).toMatchObject({ value: 13.9, lowerCi95: null, upperCi95: null, ciMethod: null, valueNote: 'Value is modelled or synthetic estimate' });
      expect(modelled.comparedEngland).toMatchObject({ outcome: 'not-compared', source: 'none' });
    } finally {
      lib.close();
    }
  });
});
