import { describe, expect, it } from 'vitest';
import { drawFigures } from '../../../../electron/services/export/figures';
import { inThreadDrawer } from '../../../../electron/services/export/svgDrawer';
import { chartRefOf, defaultChartAttrs, type ChartAttrs } from '../../../../shared/charts/definition';

describe('drawFigures: a document’s chart attributes go through the one chart schema', () => {
  it('says in its place that a chart’s settings are not valid, instead of querying with them', async () => {
    const bad = { ...defaultChartAttrs, kind: 'pie', title: 'Pie' } as unknown as ChartAttrs;
    const { figures } = await drawFigures([bad], null, { drawer: inThreadDrawer });
    expect(figures[0]).toEqual({ ok: false, title: 'Pie', message: expect.stringMatching(/^This chart's settings are not valid \(kind: /) });
  });

  it('reads lists an older document holds as null as their defaults, as the screen does', () => {
    const old = { ...defaultChartAttrs, indicatorId: '93356', indicatorGroups: null, comparators: null } as unknown as ChartAttrs;
    const checked = chartRefOf(old);
    expect(checked.ok && checked.ref).toMatchObject({ indicatorGroups: {}, comparators: ['E92000001'] });
  });
});
