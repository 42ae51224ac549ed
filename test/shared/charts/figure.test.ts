import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARISON_COLOURS } from '../../../shared/library/comparison';
import { defaultKindFor } from '../../../shared/charts/defaultKind';
import { chartAttrsSchema, defaultChartAttrs } from '../../../shared/charts/definition';
import { figureOf } from '../../../shared/charts/figure';
import { compareSpec } from '../../../shared/charts/kinds/compare/spec';
import { trendSpec } from '../../../shared/charts/kinds/trend/spec';
import type { Json } from './helpers';
import { layerOf } from './helpers';
import { asPublished, campylobacter, chartRows, englandComparator, leicesterBasket, leicesterRows, leicesterTrend, neighbours } from './fixtures';
import type { ChartRow } from '../../../shared/charts/types';

const vintage = { id: 3, indicatorId: '93356', fileName: 'x.csv', sha256: 'a'.repeat(64), format: 'fingertips' as const, importedAt: '2026-11-23T10:00:00Z', rows: 1 };

describe('figureOf: one figure for the screen and the export', () => {
  it('gives the same title rule everywhere: the author’s, else the indicator’s name, else “Basket of indicators”', () => {
    expect(figureOf({ kind: 'trend', data: leicesterTrend(), vintage }, { title: '  ', caption: '' }).title).toBe(campylobacter.name);
    expect(figureOf({ kind: 'trend', data: leicesterTrend(), vintage }, { title: 'Mine', caption: '' }).title).toBe('Mine');
    // The export used to say "Basket of indicators: Leicester" where the screen said "Basket of indicators".
    expect(figureOf({ kind: 'basket', data: leicesterBasket(), vintage }, { title: '', caption: '' }).title).toBe('Basket of indicators');
  });

  it('says the source and vintage once, with the illustrative note apart (not cut off by string matching)', () => {
    const f = figureOf({ kind: 'basket', data: leicesterBasket(), vintage }, { title: '', caption: ' c ' });
    expect(f.source).toBe('Source: OHID Fingertips, data imported 2026-11-23.');
    expect(f.illustrative).toBe(true);
    expect(f.illustrativeNote).toMatch(/^Illustrative data/);
    expect(f.caption).toBe('c');
    const inImage = figureOf({ kind: 'trend', data: leicesterTrend(), vintage }, { title: 'T', caption: '' });
    const outside = figureOf({ kind: 'trend', data: leicesterTrend(), vintage }, { title: 'T', caption: '' }, { titleInImage: false });
    expect((inImage.spec as Json).title.text).toBe('T');
    expect((outside.spec as Json).title.text).toBe('');
    expect(outside.summary).toBe(inImage.summary);
  });
});

describe('one chart definition', () => {
  it('derives the defaults from the schema', () => {
    expect(defaultChartAttrs).toEqual(chartAttrsSchema.parse({}));
    expect(defaultChartAttrs.comparators).toEqual(['E92000001']);
  });

  it('names every chart attribute in one source file only', () => {
    const root = join(import.meta.dirname, '../../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) files.push(p);
      }
    };
    for (const top of ['shared', 'renderer', 'electron']) walk(join(root, top));
    // The names only a chart has (id, title, kind, sex, age, … are also other things' fields).
    const chartOnly = ['indicatorIds', 'indicatorGroups', 'comparators', 'periodFrom', 'periodTo', 'reviewedVintage'];
    expect(Object.keys(defaultChartAttrs)).toEqual(expect.arrayContaining(chartOnly));
    for (const name of chartOnly) {
      // A definition is "name:" followed by a type or a zod schema, at the start of a line.
      const defines = new RegExp(`^\\s+${name}\\??: (?:z\\.|optionalText|orDefault|string|number|ChartKind|Record|null)`, 'm');
      // Fingertips' own API calls its numeric ids "IndicatorIds"; the client's requests keep the name.
      const notCharts = /fingertips/i;
      const where = files.filter((f) => !notCharts.test(relative(root, f)) && defines.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
      expect(where, name).toEqual(['shared/charts/definition.ts']);
    }
  });
});

describe('charts that do not mislead (issue 10)', () => {
  it('draws Higher and Lower in Fingertips’ two distinct blues from the one palette, with the words (item 3)', () => {
    expect(COMPARISON_COLOURS.higher).toBe('#BED2FF');
    expect(COMPARISON_COLOURS.lower).toBe('#5555E6');
    const data = neighbours();
    // As a file labels an indicator without polarity: Higher / Lower.
    const relabel = (r: ChartRow): ChartRow => ({ ...r, comparedEngland: r.areaCode === 'E06000017' ? asPublished('Higher') : r.comparedEngland.outcome === 'better' ? asPublished('Lower') : r.comparedEngland });
    const noPolarity = { indicator: { ...data.indicator, polarity: null }, rows: data.rows.map(relabel), comparators: data.comparators.map((c) => ({ ...c, rows: c.rows.map(relabel) })) };
    const fill = layerOf(compareSpec(noPolarity, { title: 't' }), 'bar').encoding.fill;
    const colourOf = (word: string) => fill.scale.range[fill.scale.domain.indexOf(word)];
    expect(colourOf('Higher')).toBe('#BED2FF');
    expect(colourOf('Lower')).toBe('#5555E6');
  });

  it('starts a one-period indicator as compare areas, not a trend (item 4)', () => {
    expect(defaultKindFor([{ periodSortable: 2017_00_00 }])).toBe('compare');
    expect(defaultKindFor([])).toBe('compare');
    expect(defaultKindFor([{ periodSortable: 2016_00_00 }, { periodSortable: 2017_00_00 }])).toBe('trend');
  });

  it('says nothing of an England line or CI band that a one-period trend does not draw (item 4)', () => {
    const one = { indicator: campylobacter, rows: chartRows(leicesterRows.slice(2)), comparators: [englandComparator()] };
    const spec = trendSpec(one, { title: 't' }) as Json;
    expect(JSON.stringify(spec.title.subtitle ?? [])).not.toMatch(/band|Dashed/);
    const many = trendSpec(leicesterTrend(), { title: 't' }) as Json;
    expect(many.title.subtitle.join(' ')).toMatch(/Shaded band: 95% confidence interval\. Dashed black line: England\./);
  });

  it('shows the publisher’s value notes in the tooltip (item 8)', () => {
    const data = leicesterTrend();
    const rows = data.rows.map((r) => ({ ...r, valueNote: 'Value is modelled or synthetic estimate' }));
    const points = layerOf(trendSpec({ ...data, rows }, { title: 't' }), 'point');
    expect(points.encoding.tooltip).toContainEqual({ field: 'note', title: 'Value note' });
    expect(layerOf(trendSpec(data, { title: 't' }), 'point').encoding.tooltip).not.toContainEqual({ field: 'note', title: 'Value note' });
    const bars = neighbours();
    const noted = { ...bars, rows: bars.rows.map((r) => ({ ...r, valueNote: 'Value is modelled or synthetic estimate' })) };
    expect(layerOf(compareSpec(noted, { title: 't' }), 'bar').encoding.tooltip).toContainEqual({ field: 'note', title: 'Value note' });
  });
});
