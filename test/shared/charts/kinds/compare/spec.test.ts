import { describe, expect, it } from 'vitest';
import { compareSpec } from '../../../../../shared/charts/kinds/compare/spec';
import { layerOf, layers, values } from '../../helpers';
import { neighbours } from '../../fixtures';

describe('compare areas chart', () => {
  const spec = compareSpec(neighbours(), { title: 'Campylobacter: Leicester and neighbours, 2017' });
  const bars = values(spec).filter((v) => v.role === 'bar');

  it('draws one bar per area in the latest period, sorted by value (no value last), the chosen area highlighted', () => {
    expect(bars.map((b) => [b.label, b.value, b.highlight])).toEqual([
      ['Rutland', 116.562192405326, false],
      ['East Midlands region', 86.5923283557385, false],
      ['Leicestershire', 86.3890405984564, false],
      ['Leicester', 49.6636935434328, true],
      ['Isles of Scilly', null, false],
    ]);
    expect(layerOf(spec, 'bar').encoding.y.sort).toEqual(['Rutland', 'East Midlands region', 'Leicestershire', 'Leicester', 'Isles of Scilly']);
    // Bold label and a heavier outline for the chosen area: not colour alone.
    expect(layerOf(spec, 'bar').encoding.y.axis.labelFontWeight).toEqual({ expr: `datum.value === "Leicester" ? 'bold' : 'normal'` });
    expect(layerOf(spec, 'bar').encoding.strokeWidth).toEqual({ condition: { test: 'datum.highlight', value: 3 }, value: 1 });
    expect(layerOf(spec, 'bar').encoding.x.title).toBe('Rate per 100,000, 2017');
  });

  it('colours bars by the stored comparison (Fingertips colours by outcome), dark outline, a legend of the outcomes present in words', () => {
    const bar = layerOf(spec, 'bar');
    expect(bar.encoding.fill.field).toBe('compared');
    expect(bar.encoding.fill.scale).toEqual({ domain: ['Better', 'Similar', 'Not compared'], range: ['#92D050', '#FFC000', '#C9C9C9'] });
    expect(bar.encoding.fill.title).toBe('Compared with England');
    expect(bar.mark.stroke).toBe('#1a1a1a');
    expect(bars.map((b) => b.compared)).toEqual(['Similar', 'Not compared', 'Better', 'Better', 'Not compared']);
    // The tooltip says where each comparison came from.
    expect(bars.map((b) => b.provenance)).toEqual(Array(5).fill('as published'));
    expect(bar.encoding.tooltip).toContainEqual({ field: 'provenance', title: 'Comparison source' });
  });

  it('labels every bar with the comparison word (never colour alone), or says why there is no value', () => {
    expect(bars.map((b) => b.word)).toEqual(['Similar', 'Not compared', 'Better', 'Better', 'Value for Cornwall & Isles of Scilly combined']);
    const words = layers(spec).filter((l) => l.mark.type === 'text' && l.encoding.text.field === 'word');
    expect(words.length).toBe(2); // halo + text
    // The word sits just right of the bar's CI.
    expect(bars[0]!.wordX).toBe(155.969384238911);
  });

  it('draws 95% CI whiskers as rules from lower to upper', () => {
    const whisker = layerOf(spec, 'rule', (l) => l.encoding.x2?.field === 'upper');
    expect(whisker.encoding.x.field).toBe('lower');
    expect(bars[3]!.lower).toBe(42.5386754731007);
    expect(bars[3]!.upper).toBe(57.6407277083881);
    // No whisker where the file gives no CI (the region's aggregated value) or no value.
    expect(bars[1]!.lower).toBeNull();
    expect(bars[4]!.lower).toBeNull();
  });

  it("draws England's value as a benchmark line, labelled", () => {
    const benchmark = values(spec).find((v) => v.role === 'benchmark')!;
    expect(benchmark.value).toBe(96.6109417215551);
    expect(benchmark.text).toBe('England: 96.6');
    const rule = layerOf(spec, 'rule', (l) => l.transform?.[0]?.filter === "datum.role !== 'bar'");
    expect(rule.encoding.x.field).toBe('value');
    // The value axis has room for the words to the right of the longest bar.
    expect(layerOf(spec, 'bar').encoding.x.scale.domain[1]).toBeGreaterThan(155.969384238911);
  });
});
