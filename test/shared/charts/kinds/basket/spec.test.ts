import { describe, expect, it } from 'vitest';
import { basketSpec } from '../../../../../shared/charts/kinds/basket/spec';
import { values, type Json } from '../../helpers';
import { leicesterBasket } from '../../fixtures';

describe('basket of indicators chart', () => {
  const spec = basketSpec(leicesterBasket(), { title: 'Measuring progress: basket of indicators' }) as Json;
  const cells = values(spec).filter((v) => v.part === 'cell');
  const text = cells.map((c) => (c.lines as string[]).join(' '));

  it('is 700 px wide by default (width + padding), readable: 12 px text', () => {
    expect(spec.width + 2 * spec.config.padding).toBe(700);
    expect(spec.autosize).toEqual({ type: 'pad' });
    for (const l of spec.layer.filter((l: Json) => l.mark.type === 'text')) expect(l.mark.fontSize).toBeGreaterThanOrEqual(12);
  });

  it('has column headings and the two groups of seed 004 in order', () => {
    expect(text.slice(0, 5)).toEqual(['Indicator', 'Latest value (period)', 'England', 'Compared with England', 'Recent trend']);
    expect(text.indexOf('Population outcomes')).toBeLessThan(text.indexOf('Operational measures'));
  });

  it('shows each indicator: name, latest value and period, England, significance word, trend word', () => {
    expect(text).toContain('Campylobacter incidence rate/100,000');
    expect(text).toContain('49.7 per 100,000 (2017)');
    expect(text).toContain('96.6');
    expect(text).toContain('113.6 per 100,000 (2016)');
    expect(text).toContain('229.5');
    expect(text.filter((t) => t === 'Better').length).toBe(2);
    expect(text).toContain('Worse');
    // The file's own recent trend words, with Fingertips' arrows.
    const has = (words: string) => text.some((t) => t.includes(words));
    expect(has('– Cannot be calculated')).toBe(true);
    expect(has('↓ Decreasing and getting better')).toBe(true);
    expect(has('→ No significant change')).toBe(true);
    // Coloured by judgement: getting better in dark green, no judgement neutral.
    expect(cells.find((c) => (c.lines as string[])[0]!.startsWith('↓'))!.colour).toBe('#1B7837');
    expect(cells.find((c) => (c.lines as string[])[0]!.startsWith('→'))!.colour).toBe('#1a1a1a');
  });

  it('puts the significance word in a Fingertips-coloured, outlined cell with readable text', () => {
    const boxes = values(spec).filter((v) => v.part === 'box' && v.stroke === '#1a1a1a');
    expect(boxes.map((b) => b.fill)).toEqual(['#92D050', '#92D050', '#C00000']);
    const worse = cells.find((c) => c.lines[0] === 'Worse')!;
    expect(worse.colour).toBe('#ffffff');
    expect(cells.find((c) => c.lines[0] === 'Better')!.colour).toBe('#1a1a1a');
  });

  it('wraps long names within the indicator column', () => {
    const name = cells.find((c) => c.lines[0].startsWith('Emergency admissions'))!;
    expect(name.lines.length).toBeGreaterThan(1);
    for (const line of name.lines as string[]) expect(line.length).toBeLessThanOrEqual(38);
  });

  it('marks illustrative indicators, and the chart says so', () => {
    expect(text.some((t) => t.includes('(illustrative data)'))).toBe(true);
    expect(spec.title.subtitle).toContain('Illustrative data — not official statistics.');
  });
});
