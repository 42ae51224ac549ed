import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../../../../electron/services/library/parsedRow';
import { MAX_DICTIONARY, MAX_DICTIONARY_CHARS, RowBatcher, RowDecoder } from '../../../../electron/services/library/rowBatch';

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
    expect(new RowDecoder().decode(batch)).toEqual(rows);
    // Repeated text is sent once.
    expect([...batch.strings, ...batch.dictionary].filter((s) => s === 'Campylobacter infection rate')).toHaveLength(1);
    expect(b.length).toBe(0);
  });

  it('sends text once per file: a later batch refers to what an earlier one sent, and gets the same string objects back', () => {
    const b = new RowBatcher(2);
    const d = new RowDecoder();
    b.add(row(2));
    b.add(row(3, { comparedEngland: 'Worse' }));
    const first = d.decode(b.take());
    b.add(row(2, { comparedEngland: 'Worse', period: '2016' }));
    b.add(row(3));
    const secondBatch = b.take();
    // Only the new period is sent; areas, names and labels were sent with the first batch.
    expect([...secondBatch.strings, ...secondBatch.dictionary]).toEqual(['2016']);
    const second = d.decode(secondBatch);
    expect(second).toEqual([row(2, { comparedEngland: 'Worse', period: '2016' }), row(3)]);
    expect(second[0]!.areaCode).toBe(first[0]!.areaCode);
    expect(second[1]!.comparedEngland).toBe(first[0]!.comparedEngland);
  });

  it('past the dictionary\'s size, new text goes with its batch (memory stays bounded) and still decodes', () => {
    const b = new RowBatcher(MAX_DICTIONARY + 10);
    const rows: ParsedRow[] = [];
    for (let i = 0; i < MAX_DICTIONARY + 10; i++) rows.push(row(i + 2, { areaName: `Name ${i}`, areaCode: `E${i}` }));
    for (const r of rows) b.add(r);
    const batch = b.take();
    expect(batch.dictionary).toHaveLength(MAX_DICTIONARY);
    expect(batch.strings.length).toBeGreaterThan(0);
    expect(new RowDecoder().decode(batch)).toEqual(rows);
    // The next batch's text that the dictionary lacks is sent again with it.
    b.add(rows.at(-1)!);
    const next = b.take();
    expect(next.strings).toContain(rows.at(-1)!.areaName);
  });

  it('keeps long free text out of the dictionary once it holds MAX_DICTIONARY_CHARS characters', () => {
    const b = new RowBatcher(70);
    const note = (i: number) => `${i}`.padEnd(MAX_DICTIONARY_CHARS / 64, 'x');
    const rows = Array.from({ length: 70 }, (_, i) => row(i + 2, { valueNote: note(i) }));
    for (const r of rows) b.add(r);
    const batch = b.take();
    expect(batch.dictionary.reduce((n, s) => n + s.length, 0)).toBeLessThanOrEqual(MAX_DICTIONARY_CHARS);
    expect(batch.strings.filter((s) => s.startsWith('6'))).not.toHaveLength(0);
    expect(new RowDecoder().decode(batch)).toEqual(rows);
  });

  it('decodes areas repeated in the order of the period before and out of it alike (the next string is guessed, then looked up)', () => {
    const b = new RowBatcher(7);
    const d = new RowDecoder();
    const areas = (order: number[], period: string) => order.map((a) => row(a, { period, comparedEngland: ['Better', 'Similar', 'Worse'][a % 3]! }));
    const rows = [...areas([2, 3, 4, 5], '2015'), ...areas([2, 3, 4, 5], '2016'), ...areas([5, 2, 4, 3], '2017'), ...areas([2, 3, 4, 5], '2018')];
    const decoded: ParsedRow[] = [];
    for (const r of rows) if (b.add(r)) decoded.push(...d.decode(b.take()));
    if (b.length > 0) decoded.push(...d.decode(b.take()));
    expect(decoded).toEqual(rows);
  });

  it('refuses a batch decoded out of order (its dictionary entries would be misread)', () => {
    const b = new RowBatcher(1);
    b.add(row(2));
    b.take();
    b.add(row(3));
    const second = b.take();
    expect(() => new RowDecoder().decode(second)).toThrow(/out of order/);
  });
});
