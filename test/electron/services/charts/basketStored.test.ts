import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartRef } from '../../../../shared/api/charts';
import { figureOf } from '../../../../shared/charts';
import type { BasketChartData } from '../../../../shared/charts/types';
import { loadChartData } from '../../../../electron/services/charts/chartData';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { buildSampleLibrary } from '../../../../electron/services/library/sampleLibrary';
import { useTempDir } from '../../../helpers/tmp';

describe('the basket shows the stored comparison and recent trend, and says which were computed', () => {
  const tmp = useTempDir();

  it('on the sample library: the real file’s label as published, the tidy CSV’s computed and said so, the modelled estimate not compared', async () => {
    const path = join(tmp(), 'sample.jsnalib');
    await buildSampleLibrary(path);
    const lib = openLibrary(path, { readOnly: true });
    try {
      const r = loadChartData(lib, chartRef.parse({ kind: 'basket', indicatorIds: ['93356', 'ILLUS-SR', 'ILLUS-MHP'], areaCode: 'E06000016' }));
      if (!r.ok) throw new Error(r.message);
      const data = r.data as BasketChartData;
      const [campy, readiness, modelled] = data.items;
      expect(campy!.comparison).toMatchObject({ label: 'Better', source: 'file' });
      expect(campy!.trend).toMatchObject({ label: 'Cannot be calculated', source: 'file' });
      // A tidy CSV gives no label: the library computed one and the chart says so.
      expect(readiness!.comparison.source).toBe('computed');
      expect(modelled!.comparison).toMatchObject({ outcome: 'not-compared', source: 'none' });
      const figure = figureOf(r, { title: '', caption: '' });
      const col = figure.table.columns.indexOf('Comparison source');
      expect(figure.table.rows.map((row) => row[col])).toEqual(['as published', 'computed by JSNA Studio: 95% confidence interval', 'none stated']);
      expect(figure.summary).toContain('computed by JSNA Studio where the source states none');
      expect(figure.summary).not.toMatch(/modelled[^.]*(better|worse|similar|higher|lower)/i);
      const trendCol = figure.table.columns.indexOf('Recent trend');
      expect(figure.table.rows[0]![trendCol]).toBe('– Cannot be calculated');
      expect(readiness!.trend?.source).toBe('computed');
      // The trend in its column, where it came from in the next, said once.
      expect(figure.table.rows[1]![trendCol]).toMatch(/^[↑↓→–] [^(]*$/);
      expect(figure.table.rows[1]![trendCol + 1]).toBe('computed by JSNA Studio: chi-squared test for trend, most recent 5 points');
      expect(figure.table.columns[trendCol + 1]).toBe('Trend source');
    } finally {
      lib.close();
    }
  });
});
