import type { ParsedRow } from './parsedRow';

/**
 * Checked rows packed for the trip from the import worker to the main thread: numbers in one
 * Float64Array and text as indexes into a string table, both transferred, not copied. A column's
 * text that repeats from the row before (indicator name, sex, age, labels…) is sent once.
 */
export interface RowBatch {
  n: number;
  /** n × NUMBER_KEYS; NaN = null (a parsed number is never NaN). */
  numbers: Float64Array;
  /** n × TEXT_KEYS; -1 = null. */
  text: Int32Array;
  strings: string[];
}

const NUMBER_KEYS = ['line', 'periodSortable', 'value', 'lower95', 'upper95', 'lower998', 'upper998', 'count', 'denominator'] as const;
const TEXT_KEYS = [
  'indicatorId', 'indicatorName', 'unit', 'areaCode', 'areaName', 'areaType', 'parentCode', 'sex', 'age',
  'categoryType', 'category', 'period', 'valueNote', 'comparedEngland', 'comparedParent', 'comparedGoal', 'recentTrend',
] as const;
const NN = NUMBER_KEYS.length;
const NT = TEXT_KEYS.length;

/** Packs rows into batches of up to `size` rows, so a batch (one message) carries thousands of rows. */
export class RowBatcher {
  private n = 0;
  private numbers: Float64Array;
  private text: Int32Array;
  private strings: string[] = [];
  private readonly previous: (string | null | undefined)[] = new Array(NT).fill(undefined);
  private readonly previousIndex = new Int32Array(NT);

  constructor(readonly size = 4096) {
    this.numbers = new Float64Array(size * NN);
    this.text = new Int32Array(size * NT);
  }

  get length(): number {
    return this.n;
  }

  /** Adds one row; true when the batch is full (take it). Written out field by field: it runs for every row. */
  add(r: ParsedRow): boolean {
    const i = this.n++;
    const x = this.numbers;
    const a = i * NN;
    x[a] = r.line;
    x[a + 1] = r.periodSortable;
    x[a + 2] = r.value ?? NaN;
    x[a + 3] = r.lower95 ?? NaN;
    x[a + 4] = r.upper95 ?? NaN;
    x[a + 5] = r.lower998 ?? NaN;
    x[a + 6] = r.upper998 ?? NaN;
    x[a + 7] = r.count ?? NaN;
    x[a + 8] = r.denominator ?? NaN;
    const t = this.text;
    const c = i * NT;
    t[c] = this.index(0, r.indicatorId);
    t[c + 1] = this.index(1, r.indicatorName);
    t[c + 2] = this.index(2, r.unit);
    t[c + 3] = this.index(3, r.areaCode);
    t[c + 4] = this.index(4, r.areaName);
    t[c + 5] = this.index(5, r.areaType);
    t[c + 6] = this.index(6, r.parentCode);
    t[c + 7] = this.index(7, r.sex);
    t[c + 8] = this.index(8, r.age);
    t[c + 9] = this.index(9, r.categoryType);
    t[c + 10] = this.index(10, r.category);
    t[c + 11] = this.index(11, r.period);
    t[c + 12] = this.index(12, r.valueNote);
    t[c + 13] = this.index(13, r.comparedEngland);
    t[c + 14] = this.index(14, r.comparedParent);
    t[c + 15] = this.index(15, r.comparedGoal);
    t[c + 16] = this.index(16, r.recentTrend);
    return this.n === this.size;
  }

  /** Column k's text as an index into the string table: -1 for null, the row before's when it repeats. */
  private index(k: number, v: string | null): number {
    if (v === null) return -1;
    if (v === this.previous[k]) return this.previousIndex[k]!;
    const index = this.strings.push(v) - 1;
    this.previous[k] = v;
    this.previousIndex[k] = index;
    return index;
  }

  /** The rows added so far, as one batch; the batcher starts a new one. */
  take(): RowBatch {
    const batch: RowBatch = { n: this.n, numbers: this.numbers.subarray(0, this.n * NN), text: this.text.subarray(0, this.n * NT), strings: this.strings };
    this.n = 0;
    this.numbers = new Float64Array(this.size * NN);
    this.text = new Int32Array(this.size * NT);
    this.strings = [];
    this.previous.fill(undefined);
    return batch;
  }
}

export function decodeRows(b: RowBatch): ParsedRow[] {
  const { numbers: x, text: t, strings: s } = b;
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const str = (i: number) => (i < 0 ? null : s[i]!);
  const rows: ParsedRow[] = new Array(b.n);
  for (let i = 0; i < b.n; i++) {
    const a = i * NN;
    const c = i * NT;
    rows[i] = {
      line: x[a]!,
      periodSortable: x[a + 1]!,
      value: num(x[a + 2]!),
      lower95: num(x[a + 3]!),
      upper95: num(x[a + 4]!),
      lower998: num(x[a + 5]!),
      upper998: num(x[a + 6]!),
      count: num(x[a + 7]!),
      denominator: num(x[a + 8]!),
      indicatorId: s[t[c]!]!,
      indicatorName: s[t[c + 1]!]!,
      unit: str(t[c + 2]!),
      areaCode: s[t[c + 3]!]!,
      areaName: s[t[c + 4]!]!,
      areaType: str(t[c + 5]!),
      parentCode: str(t[c + 6]!),
      sex: s[t[c + 7]!]!,
      age: s[t[c + 8]!]!,
      categoryType: s[t[c + 9]!]!,
      category: s[t[c + 10]!]!,
      period: s[t[c + 11]!]!,
      valueNote: str(t[c + 12]!),
      comparedEngland: str(t[c + 13]!),
      comparedParent: str(t[c + 14]!),
      comparedGoal: str(t[c + 15]!),
      recentTrend: str(t[c + 16]!),
    };
  }
  return rows;
}
