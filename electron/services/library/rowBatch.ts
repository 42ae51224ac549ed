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
  'categoryType', 'category', 'period', 'valueNote', 'comparedEngland', 'comparedParent',
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

  /** Adds one row; true when the batch is full (take it). */
  add(r: ParsedRow): boolean {
    const i = this.n++;
    const { numbers, text, strings, previous, previousIndex } = this;
    for (let k = 0; k < NN; k++) numbers[i * NN + k] = r[NUMBER_KEYS[k]!] ?? NaN;
    for (let k = 0; k < NT; k++) {
      const v = r[TEXT_KEYS[k]!];
      let index: number;
      if (v === null) index = -1;
      else if (v === previous[k]) index = previousIndex[k]!;
      else {
        index = strings.push(v) - 1;
        previous[k] = v;
        previousIndex[k] = index;
      }
      text[i * NT + k] = index;
    }
    return this.n === this.size;
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
    };
  }
  return rows;
}
