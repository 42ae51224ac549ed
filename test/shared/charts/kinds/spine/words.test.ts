import { describe, expect, it } from 'vitest';
import { spineSpec } from '../../../../../shared/charts/kinds/spine/spec';
import { spineSummary } from '../../../../../shared/charts/kinds/spine/summary';
import { spineTable } from '../../../../../shared/charts/kinds/spine/table';
import { leicesterSpine } from '../../fixtures';
import { values } from '../../helpers';

describe('spine chart words: the stored comparison and trend, with where they came from', () => {
  const data = leicesterSpine();

  it('says each comparison as published, and a modelled estimate is not compared, in words', () => {
    const summary = spineSummary(data);
    expect(summary).toContain('1 better than England and 1 not compared');
    expect(summary).toContain('Campylobacter incidence rate/100,000 (2017): 49.7, significantly better than England.');
    expect(summary).toContain('(2017): 12.6, modelled estimate: not compared with England.');
  });

  it('says a recent trend as the file states it, and a computed one says so', () => {
    const trended = { ...data, rows: [{ ...data.rows[0]!, recentTrend: { label: 'Decreasing and getting better', direction: 'decreasing' as const, judgement: 'better' as const, source: 'file' as const, method: null } }] };
    expect(spineSummary(trended)).toContain('significantly better than England; recent trend: Decreasing and getting better.');
    const computed = { ...data, rows: [{ ...data.rows[0]!, recentTrend: { label: 'Increasing', direction: 'increasing' as const, judgement: null, source: 'computed' as const, method: 'chi-squared test for trend, most recent 5 points' } }] };
    expect(spineSummary(computed)).toContain('recent trend: Increasing (computed by JSNA Studio: chi-squared test for trend, most recent 5 points).');
    expect(spineTable(trended).rows[0]).toContain('↓ Decreasing and getting better');
  });

  it('tables the label verbatim with its source, and the tooltip says the source too', () => {
    const table = spineTable(data);
    const col = table.columns.indexOf('Compared with England');
    expect(table.rows.map((r) => [r[col], r[col + 1]])).toEqual([
      ['Better', 'as published'],
      ['Not compared', 'as published'],
    ]);
    // The comparison with the region, where the file gives one, as published.
    const withParent = { ...data, rows: [{ ...data.rows[0]!, comparedParent: { label: 'Better', outcome: 'better' as const, source: 'file' as const, method: null, benchmarkCode: 'E12000004' } }] };
    const parentTable = spineTable(withParent);
    expect(parentTable.rows[0]![parentTable.columns.indexOf('Compared with East Midlands region')]).toBe('Better (as published)');
    const points = values(spineSpec(data, { title: 't' })).filter((v) => v.part === 'area');
    expect(points.map((p) => p.label)).toEqual(['49.7: Better (as published)', '12.6: Not compared (as published)']);
    expect(points.map((p) => p.fill)).toEqual(['#92D050', '#C9C9C9']);
  });
});
