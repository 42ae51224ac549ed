import { describe, expect, it } from 'vitest';
import { compareSpec } from '../../../../../shared/charts/kinds/compare/spec';
import { layerOf, layers, values } from '../../helpers';
import { neighbours } from '../../fixtures';

describe('compare areas chart', () => {
  const spec = compareSpec(neighbours(), { title: 'Campylobacter: Leicester and neighbours, 2017' });
  const bars = values(spec).filter((v) => v.role === 'bar');

  it('draws one bar per area in the latest period, selected area first', () => {
    expect(bars.map((b) => [b.label, b.value])).toEqual([
      ['Leicester', 49.6636935434328],
      ['East Midlands region', 86.5923283557385],
      ['Rutland', 116.562192405326],
      ['Leicestershire', 86.3890405984564],
      ['Isles of Scilly', null],
    ]);
    expect(layerOf(spec, 'bar').encoding.y.sort).toEqual(['Leicester', 'East Midlands region', 'Rutland', 'Leicestershire', 'Isles of Scilly']);
    expect(layerOf(spec, 'bar').encoding.x.title).toBe('Rate per 100,000, 2017');
  });

  it('colours bars by significance (Fingertips) with a dark outline and a legend in words', () => {
    const bar = layerOf(spec, 'bar');
    expect(bar.encoding.fill.field).toBe('significance');
    expect(bar.encoding.fill.scale).toEqual({ domain: ['Better', 'Similar', 'Worse', 'Not compared'], range: ['#92D050', '#FFC000', '#C00000', '#C9C9C9'] });
    expect(bar.encoding.fill.title).toBe('Compared with England');
    expect(bar.mark.stroke).toBe('#1a1a1a');
    expect(bars.map((b) => b.significance)).toEqual(['Better', 'Not compared', 'Similar', 'Better', 'Not compared']);
  });

  it('labels every bar with the significance word (never colour alone), or says why there is no value', () => {
    expect(bars.map((b) => b.word)).toEqual(['Better', 'Not compared', 'Similar', 'Better', 'Value for Cornwall & Isles of Scilly combined']);
    const words = layers(spec).filter((l) => l.mark.type === 'text' && l.encoding.text.field === 'word');
    expect(words.length).toBe(2); // halo + text
    // The word sits just right of the bar's CI.
    expect(bars[2]!.wordX).toBe(155.969384238911);
  });

  it('draws 95% CI whiskers as rules from lower to upper', () => {
    const whisker = layerOf(spec, 'rule', (l) => l.encoding.x2?.field === 'upper');
    expect(whisker.encoding.x.field).toBe('lower');
    expect(bars[0]!.lower).toBe(42.5386754731007);
    expect(bars[0]!.upper).toBe(57.6407277083881);
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
