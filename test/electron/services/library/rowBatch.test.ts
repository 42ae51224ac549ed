import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../../../../electron/services/library/parsedRow';
import { decodeRows, RowBatcher } from '../../../../electron/services/library/rowBatch';

const row = (line: number, over: Partial<ParsedRow> = {}): ParsedRow => ({
  line,
  indicatorId: '93356',
  indicatorName: 'Campylobacter infection rate',
  unit: null,
  areaCode: `E0600000${line}`,
  areaName: `Area ${line}`,
  areaType: 'County & UA',
  parentCode: null,
  sex: 'Persons',
  age: 'All ages',
  categoryType: '',
  category: '',
  period: '2015',
  periodSortable: 20150000,
  value: 51.66 + line,
  lower95: null,
  upper95: 59.856,
  lower998: null,
  upper998: null,
  count: 177,
  denominator: 342627,
  valueNote: null,
  comparedEngland: 'Better',
  comparedParent: null,
  comparedGoal: null,
  recentTrend: 'Cannot be calculated',
  ...over,
});

describe('RowBatcher', () => {
  it('packs rows and decodes them exactly, nulls, zeros and repeated text included', () => {
    const rows = [row(2), row(3, { value: null, valueNote: 'Suppressed', comparedEngland: null, count: 0 }), row(4, { unit: 'per 100,000', sex: 'Male', areaType: null })];
    const b = new RowBatcher(3);
    expect(rows.map((r) => b.add(r))).toEqual([false, false, true]);
    const batch = b.take();
    expect(decodeRows(batch)).toEqual(rows);
    // Repeated text is sent once per batch.
    expect(batch.strings.filter((s) => s === 'Campylobacter infection rate')).toHaveLength(1);
    expect(b.length).toBe(0);
  });

  it('starts each batch afresh: text repeated from the previous batch is sent again', () => {
    const b = new RowBatcher(1);
    b.add(row(2));
    b.take();
    b.add(row(3));
    const second = b.take();
    expect(decodeRows(second)).toEqual([row(3)]);
  });
});
