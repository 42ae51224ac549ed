import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartRef } from '../../../../shared/api/charts';
import { chartDataTable, figureOf, summariseChart } from '../../../../shared/charts';
import type { BasketChartData, SeriesChartData } from '../../../../shared/charts/types';
import { loadChartData } from '../../../../electron/services/charts/chartData';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { useTempDir } from '../../../helpers/tmp';
import { REAL_FILE } from '../library/helpers';

const LEICESTER = 'E06000016';
const NOTTINGHAM = 'E06000018';
const ref = (over: Record<string, unknown>) => chartRef.parse({ kind: 'trend', indicatorId: '93356', areaCode: LEICESTER, ...over });

describe('chart data: from a chart node’s reference to the rows its builder draws', () => {
  const tmp = useTempDir();

  async function library(files = [REAL_FILE]) {
    const path = join(tmp(), 'library.jsnalib');
    await importToPath(path, files);
    return openLibrary(path);
  }

  it('gives a trend chart every period of the area, with England and significance by the inferred polarity', async () => {
    const lib = await library();
    try {
      const r = loadChartData(lib, ref({}));
      if (!r.ok) throw new Error(r.message);
      const data = r.data as SeriesChartData;
      expect(data.rows.map((x) => x.period)).toEqual(['2015', '2016', '2017']);
      const y2015 = data.rows[0]!;
      expect(y2015.value).toBeCloseTo(51.66, 2);
      expect(y2015.lower95).toBeCloseTo(44.329, 3);
      expect(y2015.upper95).toBeCloseTo(59.856, 3);
      expect(data.comparators.map((c) => c.name)).toEqual(['England']);
      // The file labels Leicester "Better" than England: the chart row carries that label, as published.
      expect(data.rows.map((x) => x.comparedEngland.label)).toContain('Better');
      expect(data.rows.every((x) => x.comparedEngland.source === 'file')).toBe(true);
      expect(figureOf(r, { title: '', caption: '' }).source).toMatch(/^Source: OHID Fingertips.*, data imported \d{4}-\d{2}-\d{2}\.$/);
      expect(r.newerThanReviewed).toBe(false);
    } finally {
      lib.close();
    }
  });

  it('honours the period range and adds chosen areas to a comparison', async () => {
    const lib = await library();
    try {
      const ranged = loadChartData(lib, ref({ periodFrom: 2016_00_00, periodTo: null }));
      if (!ranged.ok) throw new Error(ranged.message);
      const sortables = (ranged.data as SeriesChartData).rows.map((x) => x.period);
      expect(sortables).not.toContain('2015');
      expect(sortables.length).toBeGreaterThan(0);

      const compare = loadChartData(lib, ref({ kind: 'compare', comparators: ['E92000001', NOTTINGHAM] }));
      if (!compare.ok) throw new Error(compare.message);
      expect(new Set((compare.data as SeriesChartData).rows.map((x) => x.areaCode))).toEqual(new Set([LEICESTER, NOTTINGHAM]));
    } finally {
      lib.close();
    }
  });

  it('says plainly what is missing instead of drawing an empty frame', async () => {
    const lib = await library();
    try {
      expect(loadChartData(lib, ref({ indicatorId: null }))).toEqual({ ok: false, message: 'Choose an indicator for this chart.' });
      expect(loadChartData(lib, ref({ areaCode: null }))).toEqual({ ok: false, message: 'Choose an area for this chart.' });
      const unknown = loadChartData(lib, ref({ indicatorId: '11111' }));
      expect(unknown.ok).toBe(false);
      expect(!unknown.ok && unknown.message).toMatch(/11111/);
      const noRows = loadChartData(lib, ref({ periodFrom: 2030_00_00 }));
      expect(noRows).toEqual({ ok: false, message: expect.stringMatching(/no values of .*Campylobacter.* for Leicester in the chosen periods/) });
      // The file has deprivation deciles for England only: Leicester's inequality chart says so.
      const inequality = loadChartData(lib, ref({ kind: 'inequality' }));
      expect(inequality).toEqual({ ok: false, message: expect.stringMatching(/no values of .* by County & UA deprivation deciles in England \(IMD2015\) for Leicester/) });
      expect(loadChartData(lib, ref({ kind: 'basket', indicatorId: null }))).toEqual({ ok: false, message: 'Choose the indicators for this basket.' });
    } finally {
      lib.close();
    }
  });

  it('draws inequality by deprivation decile where the file has it', async () => {
    const lib = await library();
    try {
      const r = loadChartData(lib, ref({ kind: 'inequality', areaCode: 'E92000001', periodFrom: 2017_00_00 }));
      if (!r.ok) throw new Error(r.message);
      const categories = (r.data as SeriesChartData).rows.map((x) => x.category).filter(Boolean);
      expect(new Set(categories).size).toBe(10);
      expect(categories).toContain('Most deprived decile (IMD2015)');
    } finally {
      lib.close();
    }
  });

  it('says when newer data arrived after the vintage the author reviewed', async () => {
    const path = join(tmp(), 'library.jsnalib');
    await importToPath(path, [REAL_FILE]);
    let lib = openLibrary(path);
    const first = loadChartData(lib, ref({}));
    lib.close();
    if (!first.ok) throw new Error(first.message);
    const reviewed = first.vintage!.id;

    const newer = join(tmp(), 'newer.csv');
    writeFileSync(newer, readFileSync(REAL_FILE, 'latin1').replace(/(E06000016,Leicester,[^\n]*?,2017,)49\.6636935434328/, '$161.25'), 'latin1');
    await importToPath(path, [newer]);
    lib = openLibrary(path);
    try {
      const after = loadChartData(lib, ref({ reviewedVintage: reviewed }));
      if (!after.ok) throw new Error(after.message);
      expect(after.newerThanReviewed).toBe(true);
      expect((after.data as SeriesChartData).rows.find((x) => x.period === '2017')!.value).toBeCloseTo(61.25, 2);
      const marked = loadChartData(lib, ref({ reviewedVintage: after.vintage!.id }));
      expect(marked.ok && marked.newerThanReviewed).toBe(false);
    } finally {
      lib.close();
    }
  });

  it('builds a basket row per indicator with the latest value, England and a recent trend', async () => {
    const lib = await library();
    try {
      const r = loadChartData(lib, ref({ kind: 'basket', indicatorId: null, indicatorIds: ['93356'], indicatorGroups: { '93356': 'Population outcomes' } }));
      if (!r.ok) throw new Error(r.message);
      const basket = r.data as BasketChartData;
      expect(basket.items).toHaveLength(1);
      expect(basket.items[0]!.group).toBe('Population outcomes');
      const table = chartDataTable('basket', r.data as never);
      expect(table.columns).toContain('Group');
      expect(table.rows[0]).toContain('Population outcomes');
      expect(summariseChart('basket', r.data as never)).toMatch(/^For Leicester, Campylobacter incidence rate\/100,000 is significantly better than England\./);
      expect(basket.items[0]!.latest!.period).toBe('2017');
      expect(basket.items[0]!.england).not.toBeNull();
      // The file's own "Recent Trend" for Leicester's latest row, as published.
      expect(basket.items[0]!.trend).toMatchObject({ source: 'file' });
      expect(basket.items[0]!.comparison).toMatchObject({ label: 'Better', source: 'file' });
    } finally {
      lib.close();
    }
  });
});
