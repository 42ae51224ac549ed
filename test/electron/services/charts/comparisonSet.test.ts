import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartRef } from '../../../../shared/api/charts';
import { figureOf } from '../../../../shared/charts';
import type { SeriesChartData } from '../../../../shared/charts/types';
import { loadChartData } from '../../../../electron/services/charts/chartData';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { useTempDir } from '../../../helpers/tmp';
import { REAL_FILE, realRecords } from '../library/helpers';

const LEICESTER = 'E06000016';
const ref = (over: Record<string, unknown>) => chartRef.parse({ kind: 'compare', indicatorId: '93356', areaCode: LEICESTER, ...over });

describe('compare areas: the comparison set (issue 10 item 7) and the file as the authority (issue 14)', () => {
  const tmp = useTempDir();
  async function library() {
    const path = join(tmp(), 'library.jsnalib');
    await importToPath(path, [REAL_FILE]);
    return openLibrary(path);
  }
  const eastMidlands2017 = () =>
    realRecords().filter((r) => r['Parent Code'] === 'E12000004' && r['Age'] === 'All ages' && r['Sex'] === 'Persons' && r['Time period'] === '2017' && r['Category Type'] === '');

  it("'region': every area with the chosen area's parent, sorted by value, each comparison the file's own label", async () => {
    const lib = await library();
    try {
      const r = loadChartData(lib, ref({ comparisonSet: 'region' }));
      if (!r.ok) throw new Error(r.message);
      const data = r.data as SeriesChartData;
      const truth = eastMidlands2017();
      expect(truth.length).toBeGreaterThan(5);
      const latest = data.rows.filter((x) => x.period === '2017');
      expect(new Set(latest.map((x) => x.areaCode))).toEqual(new Set(truth.map((t) => t['Area Code'])));
      // Every comparison shown equals the file's label for that row: 100%.
      for (const t of truth) {
        const shown = latest.find((x) => x.areaCode === t['Area Code'])!;
        expect(shown.comparedEngland.label, t['Area Name']).toBe(t['Compared to England value or percentiles']);
        expect(shown.comparedEngland.source).toBe('file');
      }
      const figure = figureOf(r, { title: '', caption: '' });
      const table = figure.table;
      const col = table.columns.indexOf('Compared with England');
      for (const row of table.rows) {
        const t = truth.find((x) => x['Area Name'] === row[1])!;
        expect(row[col], row[1]).toBe(t['Compared to England value or percentiles']);
        expect(row[col + 1]).toBe('as published');
      }
      // Bars sorted by value, highest first; Leicester in bold.
      const bars = ((figure.spec as { data: { values: { role: string; value: number | null; label: string; highlight: boolean }[] } }).data.values).filter((v) => v.role === 'bar');
      const values = bars.map((b) => b.value ?? -Infinity);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(bars.filter((b) => b.highlight).map((b) => b.label)).toEqual(['Leicester']);
      expect(figure.summary).toMatch(/^In 2017, the rate in Leicester was 49\.7 per 100,000 \(95% CI 42\.5 to 57\.6\), significantly better than England \(96\.6\)\./);
    } finally {
      lib.close();
    }
  });

  it("'neighbours': the library holds none, so the chart says so and invents none", async () => {
    const lib = await library();
    try {
      const r = loadChartData(lib, ref({ comparisonSet: 'neighbours' }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/no statistical neighbours/);
    } finally {
      lib.close();
    }
  });

  it("'chosen': the hand-picked areas, with England as the benchmark line", async () => {
    const lib = await library();
    try {
      const r = loadChartData(lib, ref({ comparisonSet: 'chosen', comparators: ['E06000018', 'E10000018'] }));
      if (!r.ok) throw new Error(r.message);
      const data = r.data as SeriesChartData;
      expect(new Set(data.rows.map((x) => x.areaCode))).toEqual(new Set([LEICESTER, 'E06000018', 'E10000018']));
      expect(data.comparators.map((c) => c.code)).toEqual(['E92000001']);
    } finally {
      lib.close();
    }
  });
});
