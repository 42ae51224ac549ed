import { describe, expect, it } from 'vitest';
import { legendScale, legendWord, NOT_COMPARED, OUTCOME_ORDER, textColourOnOutcome, trendColour, trendLabel, trendProvenance, trendWords } from '../../../shared/charts/comparisonLegend';
import { tableCaption } from '../../../shared/charts/tables';
import { describeComparison, provenanceWords } from '../../../shared/charts/comparisonWords';
import { contrastRatio } from '../../../shared/charts/theme';
import { COMPARISON_COLOURS, type Comparison, type ComparisonOutcome, type RecentTrend } from '../../../shared/library/comparison';

const cmp = (outcome: ComparisonOutcome, label: string, source: Comparison['source'] = 'file'): Comparison => ({
  label,
  outcome,
  source,
  method: source === 'computed' ? 'ci-overlap-95' : null,
  benchmarkCode: 'E92000001',
});

describe('comparison colours and words, per outcome', () => {
  it('colours every outcome from COMPARISON_COLOURS and always has a word for it', () => {
    for (const o of OUTCOME_ORDER) {
      const c = cmp(o, o === 'unknown' ? 'Significantly odd' : 'x');
      const { domain, range } = legendScale([c]);
      expect(range, o).toEqual([COMPARISON_COLOURS[o]]);
      expect(domain[0], o).toBe(legendWord(c));
      expect(domain[0]!.length, o).toBeGreaterThan(0);
      expect(contrastRatio(textColourOnOutcome(o), COMPARISON_COLOURS[o]), o).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('builds legends from the outcomes present, in Fingertips order: RAG Best…Worst, BOB Lowest…Highest', () => {
    const rag = ['worst', 'best', 'middle-quintile', 'better-quintile', 'worse-quintile'] as const;
    expect(legendScale(rag.map((o) => cmp(o, o))).domain).toEqual(['Best', 'Better', 'Middle', 'Worse', 'Worst']);
    expect(legendScale(rag.map((o) => cmp(o, o))).range).toEqual(['#4E8F00', '#92D050', '#FFC000', '#E46C0A', '#C00000']);
    const bob = ['highest', 'low', 'lowest', 'middle', 'high'] as const;
    const scale = legendScale(bob.map((o) => cmp(o, o)));
    expect(scale.domain).toEqual(['Lowest', 'Low', 'Middle', 'High', 'Highest']);
    expect(scale.range).toEqual(['#E3E3FF', '#BED2FF', '#8B8BF2', '#5555E6', '#2B2BA8']);
    // Only what is drawn; repeated outcomes once.
    expect(legendScale([cmp('worse', 'Worse'), cmp('better', 'Better'), cmp('worse', 'Worse')]).domain).toEqual(['Better', 'Worse']);
    expect(legendScale([]).domain).toEqual(['Not compared']);
  });

  it('says an unknown label as it stands, drawn grey', () => {
    const odd = cmp('unknown', 'Significantly  odd');
    expect(legendWord(odd)).toBe('Significantly odd');
    expect(legendScale([odd]).range).toEqual(['#C9C9C9']);
    expect(describeComparison(odd, 'England')).toBe('“Significantly odd” compared with England');
  });

  it('says where a comparison came from', () => {
    expect(provenanceWords(cmp('better', 'Better'))).toBe('as published');
    expect(provenanceWords(cmp('better', 'Better', 'computed'))).toBe('computed by JSNA Studio: 95% confidence interval');
    expect(provenanceWords(NOT_COMPARED)).toBe('none stated');
    expect(describeComparison(cmp('better', 'Better', 'computed'), 'England')).toBe('significantly better than England (computed by JSNA Studio: 95% confidence interval)');
  });

  it('says a modelled estimate or aggregated value is not compared, and why', () => {
    const none = cmp('not-compared', 'Not compared');
    expect(describeComparison(none, 'England', 'Value is modelled or synthetic estimate')).toBe('modelled estimate: not compared with England');
    expect(describeComparison(none, 'England', 'Aggregated from all known lower geography values')).toBe('aggregated value: not compared with England');
    expect(describeComparison(none, 'England', null)).toBe('not compared with England');
  });
});

describe('recent trend as Fingertips shows it', () => {
  const trend = (label: string, direction: RecentTrend['direction'], judgement: RecentTrend['judgement'], source: RecentTrend['source'] = 'file'): RecentTrend => ({
    label,
    direction,
    judgement,
    source,
    method: source === 'computed' ? 'chi-squared test for trend, most recent 5 points' : null,
  });

  it('an arrow and the file’s words, green getting better, red getting worse, neutral otherwise', () => {
    const better = trend('Increasing and getting better', 'increasing', 'better');
    const worse = trend('Decreasing and getting worse', 'decreasing', 'worse');
    const flat = trend('No significant change', 'no-change', null);
    const none = trend('Cannot be calculated', 'cannot-calculate', null);
    expect([better, worse, flat, none].map(trendWords)).toEqual([
      '↑ Increasing and getting better',
      '↓ Decreasing and getting worse',
      '→ No significant change',
      '– Cannot be calculated',
    ]);
    expect([better, worse, flat, none].map(trendColour)).toEqual(['#1B7837', '#C00000', '#1a1a1a', '#1a1a1a']);
    for (const c of ['#1B7837', '#C00000', '#1a1a1a']) expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(trendProvenance(better)).toBe('as published');
    expect(trendWords(null)).toBe('not available');
  });

  it('a computed trend says so, with its test', () => {
    const computed = trend('Increasing', 'increasing', null, 'computed');
    expect(trendWords(computed)).toBe('↑ Increasing (computed by JSNA Studio: chi-squared test for trend, most recent 5 points)');
    expect(trendProvenance(computed)).toBe('computed by JSNA Studio: chi-squared test for trend, most recent 5 points');
    // The library's method text says "(computed by JSNA Studio)" itself: said once.
    const stored = { ...computed, method: 'chi-squared test for trend, most recent 5 points (computed by JSNA Studio)' };
    expect(trendWords(stored)).toBe('↑ Increasing (computed by JSNA Studio: chi-squared test for trend, most recent 5 points)');
    // For a table with a source column: the trend alone.
    expect(trendLabel(computed)).toBe('↑ Increasing');
    expect(trendLabel(null)).toBe('not available');
  });
});

describe('table captions', () => {
  it('end with the illustrative note once: not again after an indicator whose name says so', () => {
    expect(tableCaption(['Basket of indicators for Leicester', 'latest period for each indicator'], true)).toBe(
      'Basket of indicators for Leicester, latest period for each indicator. Illustrative data — not official statistics.',
    );
    expect(tableCaption(['School readiness (%) — Illustrative data — not official statistics', 'Leicester', '2022/23'], true)).toBe(
      'School readiness (%) — Illustrative data — not official statistics, Leicester, 2022/23',
    );
    expect(tableCaption(['Campylobacter', '', 'Leicester'], false)).toBe('Campylobacter, Leicester');
  });
});
