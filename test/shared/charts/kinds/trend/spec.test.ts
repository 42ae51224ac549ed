import { describe, expect, it } from 'vitest';
import { trendSpec } from '../../../../../shared/charts/kinds/trend/spec';
import type { SeriesChartData } from '../../../../../shared/charts/types';
import { layerOf, layers, values } from '../../helpers';
import { campylobacter, chartRows, englandComparator, leicesterRows, leicesterTrend, row } from '../../fixtures';

describe('trend chart', () => {
  const spec = trendSpec(leicesterTrend('shuffled'), { title: 'Campylobacter in Leicester, 2015 to 2017' });
  const area = values(spec).filter((v) => v.series === 'Leicester');

  it('orders periods by periodSortable even when the input is shuffled', () => {
    const line = layerOf(spec, 'line');
    expect(line.encoding.x.scale.domain).toEqual(['2015', '2016', '2017']);
    expect(line.encoding.x.sort).toBeNull();
    expect(area.map((v) => v.period)).toEqual(['2015', '2016', '2017']);
    // Every layer uses the same period domain (no vega-lite union falling back to alphabetic order).
    for (const l of layers(spec)) expect(l.encoding.x.scale.domain).toEqual(['2015', '2016', '2017']);
  });

  it('orders non-alphabetic periods by periodSortable', () => {
    const rows = [
      row({ ...leicesterRows[0]!, period: '2020 Q1', periodSortable: 20200100 }),
      row({ ...leicesterRows[1]!, period: 'Mar 2020', periodSortable: 20200003 }),
      row({ ...leicesterRows[2]!, period: '2019/20', periodSortable: 20190000 }),
    ];
    const s = trendSpec({ indicator: campylobacter, rows: chartRows(rows), comparators: [] }, { title: 't' });
    expect(layerOf(s, 'line').encoding.x.scale.domain).toEqual(['2019/20', 'Mar 2020', '2020 Q1']);
  });

  it('carries the real values, CIs and comparisons of Leicester and England', () => {
    expect(area.map((v) => [v.value, v.lower, v.upper, v.compared])).toEqual([
      [51.6596765578895, 44.3292799600907, 59.8560756159834, 'Better'],
      [47.3671065587654, 40.4153138781521, 55.1714203359808, 'Better'],
      [49.6636935434328, 42.5386754731007, 57.6407277083881, 'Better'],
    ]);
    expect(values(spec).filter((v) => v.series === 'England').map((v) => v.value)).toEqual([94.7261896202678, 89.1292253807248, 96.6109417215551]);
    expect(area[0]!.valueLabel).toBe('51.7 per 100,000');
    expect(area[0]!.ciLabel).toBe('95% CI 44.3 to 59.9');
  });

  it('draws a 95% CI band from lower to upper for the area only', () => {
    const band = layerOf(spec, 'area');
    expect(band.encoding.y.field).toBe('lower');
    expect(band.encoding.y2.field).toBe('upper');
    expect(band.transform).toEqual([{ filter: "datum.role === 'area'" }]);
  });

  it('draws England as a dashed black line with a legend naming every series', () => {
    const line = layerOf(spec, 'line');
    expect(line.encoding.color.scale.domain).toEqual(['Leicester', 'England', 'East Midlands region']);
    expect(line.encoding.color.scale.range[1]).toBe('#000000');
    expect(line.encoding.strokeDash.scale.range).toEqual([[], [6, 4], [2, 2]]);
    expect(line.encoding.color.legend).not.toBeNull();
  });

  it('puts the unit in the y axis title', () => {
    expect(layerOf(spec, 'line').encoding.y.title).toBe('Rate per 100,000');
  });

  it('fills points by the stored comparison in Fingertips colours, a legend of the outcomes drawn in words, and a dark outline', () => {
    const points = layerOf(spec, 'point');
    expect(points.encoding.fill.scale).toEqual({ domain: ['Better'], range: ['#92D050'] });
    expect(area.map((v) => v.provenance)).toEqual(['as published', 'as published', 'as published']);
    expect(points.encoding.fill.title).toBe('Compared with England');
    expect(points.mark.stroke).toBe('#1a1a1a');
  });

  it('keeps suppressed values and missing periods as null — gaps, never zeros', () => {
    const rows = chartRows([
      leicesterRows[0]!,
      row({ ...leicesterRows[1]!, value: null, lower95: null, upper95: null, count: null, valueNote: 'Value suppressed for disclosure control' }),
      leicesterRows[2]!,
    ]);
    const data: SeriesChartData = { indicator: campylobacter, rows, comparators: [englandComparator()] };
    const s = trendSpec(data, { title: 't' });
    const mid = values(s).find((v) => v.series === 'Leicester' && v.period === '2016')!;
    expect(mid.value).toBeNull();
    expect(mid.lower).toBeNull();
    expect(mid.upper).toBeNull();
    expect(mid.compared).toBe('Not compared');
    expect(mid.valueLabel).toBe('not available');
    // England has no 2016 row here: a null datum keeps the period and breaks the line.
    const partial = trendSpec({ ...data, comparators: [englandComparator([])] }, { title: 't' });
    expect(values(partial).filter((v) => v.series === 'England').map((v) => v.value)).toEqual([null, null, null]);
    expect(values(s).every((v) => v.value !== 0)).toBe(true);
  });

  it('draws several selected areas as separate series in first-appearance order', () => {
    const rutland = chartRows([row({ ...leicesterRows[2]!, areaCode: 'E06000017', areaName: 'Rutland', value: 116.562192405326, lower95: 85.0212573416846, upper95: 155.969384238911 })]);
    const s = trendSpec({ indicator: campylobacter, rows: [...chartRows(leicesterRows), ...rutland], comparators: [englandComparator()] }, { title: 't' });
    expect(layerOf(s, 'line').encoding.color.scale.domain).toEqual(['Leicester', 'Rutland', 'England']);
    expect(values(s).filter((v) => v.series === 'Rutland').map((v) => v.value)).toEqual([null, null, 116.562192405326]);
  });

  it('says illustrative data are illustrative', () => {
    const s = trendSpec({ ...leicesterTrend(), indicator: { ...campylobacter, illustrative: true } }, { title: 't' }) as { title: { subtitle: string[] }; description: string };
    expect(s.title.subtitle).toContain('Illustrative data — not official statistics.');
    expect(s.description).toMatch(/Illustrative data — not official statistics\.$/);
  });
});
