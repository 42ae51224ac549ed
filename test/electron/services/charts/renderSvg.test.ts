import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { buildChartSpec, CHART_KINDS, type ChartKind } from '../../../../shared/charts';
import {
  ChartRenderError,
  chartCacheStats,
  clearChartCache,
  compileChartSpec,
  renderChartSvg,
} from '../../../../electron/services/charts/renderSvg';
import { textWidth } from '../../../../electron/services/charts/fontMetrics';
import {
  campylobacter,
  chartRows,
  englandComparator,
  leicesterRows,
  row,
  sampleData,
} from '../../../shared/charts/fixtures';

const TITLES: Record<ChartKind, string> = {
  trend: 'Campylobacter in Leicester, 2015 to 2017',
  compare: 'Campylobacter: Leicester and neighbours, 2017',
  inequality: 'Campylobacter by deprivation decile, England, 2017',
  basket: 'Measuring progress: basket of indicators',
  spine: 'Area profile: Leicester',
};

/** The words each kind must show (significance is never colour alone). */
const WORDS: Record<ChartKind, string[]> = {
  // The legend holds the outcomes drawn (Leicester: Better every year, as published).
  trend: ['Better', 'Compared with England', 'Leicester', 'England', 'Rate per 100,000'],
  compare: ['Better', 'Similar', 'Not compared', 'England: 96.6', 'Value for Cornwall &amp; Isles of Scilly combined'],
  inequality: ['Better', 'Similar', 'Worse', 'England overall: 96.6', 'Most deprived decile (IMD2015)', 'Least deprived decile (IMD2015)'],
  basket: ['Better', 'Worse', 'Compared with', 'Decreasing', 'Population outcomes', 'Operational measures'],
  spine: ['Better', 'Not compared', 'Compared with', 'East Midlands region', 'England', 'Leicester', '173'],
};

function spec(kind: ChartKind): TopLevelSpec {
  return buildChartSpec(kind, sampleData()[kind] as never, { title: TITLES[kind] });
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

beforeAll(async () => {
  // Load vega, vega-lite and the interpreter once, outside the Function stub below.
  await renderChartSvg(spec('trend'));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('renderChartSvg', () => {
  for (const kind of CHART_KINDS) {
    it(`${kind}: renders in Node through the interpreter, with no Function/eval at all`, async () => {
      clearChartCache();
      const RealFunction = globalThis.Function;
      let calls = 0;
      const stub = function () {
        calls += 1;
        throw new Error('new Function is not allowed');
      } as unknown as FunctionConstructor;
      globalThis.Function = stub;
      let svg: string;
      try {
        svg = await renderChartSvg(spec(kind));
      } finally {
        globalThis.Function = RealFunction;
      }
      expect(calls).toBe(0);
      expect(chartCacheStats().misses).toBe(1); // it really compiled and parsed under the stub

      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(`>${TITLES[kind]}<`);
      for (const word of WORDS[kind]) expect(svg, word).toContain(word);
      expect(svg).toMatch(/^<svg role="img" aria-label="[^"]{40,}"/);
      const label = unescape(/aria-label="([^"]*)"/.exec(svg)![1]!);
      expect(label).toBe((spec(kind) as { description: string }).description);
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/href="http/i);
      expect(svg).not.toMatch(/\son[a-z]+=/i);
    });
  }

  it('the Function stub is a real test: vega without ast:true needs Function and fails under it', async () => {
    const { spec: vg } = await compileChartSpec(spec('trend'));
    const RealFunction = globalThis.Function;
    globalThis.Function = function () {
      throw new Error('new Function is not allowed');
    } as unknown as FunctionConstructor;
    try {
      expect(() => new vega.View(vega.parse(vg), { renderer: 'none' })).toThrow(/new Function is not allowed/);
    } finally {
      globalThis.Function = RealFunction;
    }
  });

  it('refuses a spec that names a data URL, and never touches the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
    const remote = {
      title: 'Remote',
      description: 'A chart whose data would come from the network.',
      data: { url: 'https://example.com/data.json' },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
    } as TopLevelSpec;
    await expect(renderChartSvg(remote)).rejects.toThrow(ChartRenderError);
    await expect(renderChartSvg(remote)).rejects.toThrow(/refused: load https:\/\/example\.com\/data\.json/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('leaves gaps for suppressed values (the line breaks; nothing is drawn at zero)', async () => {
    const rows = chartRows([leicesterRows[0]!, row({ ...leicesterRows[1]!, value: null, lower95: null, upper95: null }), leicesterRows[2]!]);
    const svg = await renderChartSvg(buildChartSpec('trend', { indicator: campylobacter, rows, comparators: [englandComparator()] }, { title: 'Gap' }));
    const leicesterLine = /<path[^>]*d="([^"]*)"[^>]*stroke="#1F4E79"/.exec(svg);
    expect(leicesterLine).not.toBeNull();
    expect(leicesterLine![1]!.match(/M/g)!.length).toBe(2); // two pieces: 2015 and 2017
    const englandLine = /<path[^>]*d="([^"]*)"[^>]*stroke="#000000"/.exec(svg);
    expect(englandLine![1]!.match(/M/g)!.length).toBe(1);
  });

  it('gives the same SVG with and without the runtime cache, and reuses runtimes across charts', async () => {
    clearChartCache();
    for (const kind of CHART_KINDS) {
      const uncached = await renderChartSvg(spec(kind), { cache: false });
      const first = await renderChartSvg(spec(kind));
      const second = await renderChartSvg(spec(kind));
      expect(first).toBe(uncached);
      expect(second).toBe(uncached);
    }
    // A different title and different data of the same shape reuse the parsed runtime.
    const other = buildChartSpec('trend', { ...sampleData().trend, rows: sampleData().trend.rows.map((r) => ({ ...r, value: (r.value ?? 0) + 1 })) }, { title: 'Another title' });
    const before = chartCacheStats();
    const svg = await renderChartSvg(other);
    expect(chartCacheStats().hits).toBe(before.hits + 1);
    expect(svg).toContain('>Another title<');
    expect(svg).toContain('aria-label="Another title. In 2017, the rate in Leicester was 50.7 per 100,000');
  });

  it('draws each chart on a view left from an earlier chart of its shape exactly as on a fresh one, whatever the data', async () => {
    clearChartCache();
    const trend = sampleData().trend;
    const variants = [
      trend.rows,
      trend.rows.map((r) => ({ ...r, value: (r.value ?? 0) * 40, upper95: (r.upper95 ?? 0) * 40, lower95: (r.lower95 ?? 0) * 40 })),
      trend.rows.slice(0, 1),
      trend.rows.map((r, i) => (i === 1 ? { ...r, value: null, lower95: null, upper95: null } : r)),
    ];
    for (const [i, rows] of variants.entries()) {
      const s = buildChartSpec('trend', { ...trend, rows }, { title: `Variant ${i} <b>&</b>` });
      const fresh = await renderChartSvg(s, { cache: false });
      expect(await renderChartSvg(s)).toBe(fresh);
    }
    // Several at once of one shape: each on its own view.
    const specs = variants.map((rows, i) => buildChartSpec('trend', { ...trend, rows }, { title: `At once ${i}` }));
    const fresh = await Promise.all(specs.map((s) => renderChartSvg(s, { cache: false })));
    expect(await Promise.all(specs.map((s) => renderChartSvg(s)))).toEqual(fresh);
  });

  it('does not change the spec it is given', async () => {
    const s = spec('compare');
    const before = JSON.stringify(s);
    await renderChartSvg(s);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('measures text with Arial widths, so export does not truncate labels the screen shows', async () => {
    expect(textWidth('Most deprived decile (IMD2015)', 12, false)).toBeCloseTo(169.7, 0);
    const svg = await renderChartSvg(spec('inequality'));
    expect(svg).toContain('>Second least deprived decile (IMD2015)<');
    expect(svg).not.toContain('…');
  });
});
