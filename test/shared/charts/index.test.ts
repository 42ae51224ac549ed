import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { buildChartSpec, CHART_KINDS, chartKinds, type ChartDataByKind, type ChartKind } from '../../../shared/charts';
import { allKeys, fontSizes, values, type Json } from './helpers';
import { campylobacter, sampleData as samples } from './fixtures';

const sampleData: ChartDataByKind = samples();

function quietCompile(spec: Parameters<typeof compile>[0]): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
  };
  compile(spec, { logger: logger as never });
  return warnings;
}

describe('buildChartSpec: what every chart kind guarantees', () => {
  it('has one builder per kind', () => {
    expect(Object.keys(chartKinds).sort()).toEqual([...CHART_KINDS].sort());
    expect(() => buildChartSpec('pie' as ChartKind, sampleData.trend as never, { title: 'x' })).toThrow(/Unknown chart kind/);
  });

  for (const kind of CHART_KINDS) {
    describe(kind, () => {
      const spec = buildChartSpec(kind, sampleData[kind] as never, { title: 'Campylobacter in Leicester', caption: 'Figure caption' }) as Json;

      it('embeds its data and never names a URL', () => {
        expect(Array.isArray(spec.data.values)).toBe(true);
        expect(spec.data.values.length).toBeGreaterThan(0);
        expect(allKeys(spec).has('url')).toBe(false);
        expect(JSON.stringify(spec)).not.toMatch(/https?:/);
      });

      it('has a title, a description summarising it, usermeta and accessible config', () => {
        expect(spec.title.text).toBe('Campylobacter in Leicester');
        expect(spec.description).toMatch(/^Campylobacter in Leicester\. \S/);
        expect(spec.description.length).toBeGreaterThan(60);
        expect(spec.usermeta).toEqual({ embedOptions: { actions: false }, jsna: { kind, caption: 'Figure caption' } });
        expect(spec.config.axis.labelFontSize).toBeGreaterThanOrEqual(12);
        expect(spec.config.legend.labelFontSize).toBeGreaterThanOrEqual(12);
        expect(Math.min(...fontSizes(spec))).toBeGreaterThanOrEqual(11);
        expect(spec.config.font).toMatch(/Arial/);
      });

      it('wraps a long headline into lines instead of running off the image', () => {
        const long = 'Campylobacter incidence: Leicester, Stoke-on-Trent and Staffordshire compared with England and the East Midlands region, 2015 to 2017';
        const wrapped = buildChartSpec(kind, sampleData[kind] as never, { title: long }) as Json;
        expect(Array.isArray(wrapped.title.text)).toBe(true);
        expect(wrapped.title.text.join(' ')).toBe(long);
        for (const line of wrapped.title.text) expect(line.length * 16 * 0.6).toBeLessThanOrEqual(wrapped.width);
        expect(quietCompile(wrapped as never)).toEqual([]);
      });

      it('compiles with vega-lite without a single warning', () => {
        expect(quietCompile(spec as never)).toEqual([]);
      });

      it('is pure: same input, same spec; input not changed', () => {
        const before = JSON.stringify(sampleData[kind]);
        const again = buildChartSpec(kind, sampleData[kind] as never, { title: 'Campylobacter in Leicester', caption: 'Figure caption' });
        expect(JSON.stringify(again)).toBe(JSON.stringify(spec));
        expect(JSON.stringify(sampleData[kind])).toBe(before);
      });
    });
  }

  it('honours the width option', () => {
    const spec = buildChartSpec('trend', sampleData.trend, { title: 't', width: 480 }) as Json;
    expect(spec.width).toBe(480);
    expect(spec.autosize).toEqual({ type: 'fit-x', contains: 'padding' });
  });

  it('still builds a chart, saying so, when there are no rows', () => {
    for (const kind of ['trend', 'compare', 'inequality'] as const) {
      const spec = buildChartSpec(kind, { indicator: campylobacter, rows: [], comparators: [] }, { title: 'Empty' }) as Json;
      expect(spec.description).toBe('Empty. No data are available for Campylobacter incidence rate/100,000.');
      expect(quietCompile(spec as never)).toEqual([]);
    }
    const basket = buildChartSpec('basket', { area: { code: 'E06000016', name: 'Leicester' }, items: [] }, { title: 'Empty' });
    expect(values(basket).some((v) => v.lines?.[0] === 'No indicators are in the basket for Leicester.')).toBe(true);
  });
});
