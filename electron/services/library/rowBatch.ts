import type { ParsedRow } from './parsedRow';

/**
 * Checked rows packed for the trip from the import worker to the main thread: numbers in one
 * Float64Array and text as indexes, both transferred, not copied. Text is sent once per file: a
 * string is added to the file's dictionary the first time a column has it (area codes and names,
 * labels, periods…) and every later row refers to it, so a 1M-row file sends its ~2,000 area names
 * once, not 1M times, and the main thread gets the very same string objects again (its lookups by
 * area code and its compares of labels then cost a pointer compare). Past {@link MAX_DICTIONARY}
 * distinct strings or {@link MAX_DICTIONARY_CHARS} characters (free-text notes), a string goes in
 * the batch's own table instead.
 */
export interface RowBatch {
  n: number;
  /** n × NUMBER_KEYS; NaN = null (a parsed number is never NaN). */
  numbers: Float64Array;
  /** n × TEXT_KEYS; -1 = null, i ≥ 0 = strings[i], i ≤ -2 = the dictionary's entry -2 - i. */
  text: Int32Array;
  strings: string[];
  /** Strings this batch adds to the file's dictionary, in order (entries dictionaryBase…). */
  dictionary: string[];
  dictionaryBase: number;
}

/** Distinct strings, and characters in all, a file's dictionary holds at most (then text goes per batch: memory stays bounded). */
export const MAX_DICTIONARY = 1 << 16;
export const MAX_DICTIONARY_CHARS = 1 << 22;

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
  private readonly known = new Map<string, number>();
  private knownChars = 0;
  /** The dictionary's strings, by entry, and for each the entry that came after it in its column the last time. */
  private readonly entries: string[] = [];
  private readonly successor = new Int32Array(MAX_DICTIONARY).fill(-1);
  private added: string[] = [];
  private base = 0;
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

  /** Column k's text as an index (see {@link RowBatch.text}): -1 for null, the row before's when it repeats. */
  private index(k: number, v: string | null): number {
    if (v === null) return -1;
    if (v === this.previous[k]) return this.previousIndex[k]!;
    // A file repeats its areas (and labels) in the same order period after period: the string that
    // followed the previous one last time is tried before the dictionary's hash lookup.
    const before = -2 - this.previousIndex[k]!;
    const guess = before >= 0 && this.previous[k] !== undefined ? this.successor[before]! : -1;
    let index = guess >= 0 && this.entries[guess] === v ? -2 - guess : this.known.get(v);
    if (index === undefined) {
      if (this.known.size < MAX_DICTIONARY && this.knownChars + v.length <= MAX_DICTIONARY_CHARS) {
        index = -2 - (this.base + this.added.push(v) - 1);
        this.known.set(v, index);
        this.entries.push(v);
        this.knownChars += v.length;
      } else index = this.strings.push(v) - 1;
    }
    if (before >= 0 && index <= -2) this.successor[before] = -2 - index;
    this.previous[k] = v;
    this.previousIndex[k] = index;
    return index;
  }

  /** The rows added so far, as one batch; the batcher starts a new one. */
  take(): RowBatch {
    const batch: RowBatch = {
      n: this.n,
      numbers: this.numbers.subarray(0, this.n * NN),
      text: this.text.subarray(0, this.n * NT),
      strings: this.strings,
      dictionary: this.added,
      dictionaryBase: this.base,
    };
    this.n = 0;
    this.numbers = new Float64Array(this.size * NN);
    this.text = new Int32Array(this.size * NT);
    this.strings = [];
    this.base += this.added.length;
    this.added = [];
    // The batch's own strings are gone with it; dictionary entries stay valid.
    for (let k = 0; k < NT; k++) if (this.previousIndex[k]! >= 0) this.previous[k] = undefined;
    return batch;
  }
}

/** Unpacks the batches of one file, in the order they were taken (each may add to the file's dictionary). */
export class RowDecoder {
  private readonly dictionary: string[] = [];

  decode(b: RowBatch): ParsedRow[] {
    if (b.dictionaryBase !== this.dictionary.length) throw new Error(`row batch out of order: its dictionary starts at ${b.dictionaryBase}, ${this.dictionary.length} entries known`);
    for (const v of b.dictionary) this.dictionary.push(v);
    return decodeRows(b, this.dictionary);
  }
}

function decodeRows(b: RowBatch, dictionary: readonly string[]): ParsedRow[] {
  const { numbers: x, text: t, strings } = b;
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const text = (i: number) => (i >= 0 ? strings[i]! : dictionary[-2 - i]!);
  const str = (i: number) => (i === -1 ? null : text(i));
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
      indicatorId: text(t[c]!),
      indicatorName: text(t[c + 1]!),
      unit: str(t[c + 2]!),
      areaCode: text(t[c + 3]!),
      areaName: text(t[c + 4]!),
      areaType: str(t[c + 5]!),
      parentCode: str(t[c + 6]!),
      sex: text(t[c + 7]!),
      age: text(t[c + 8]!),
      categoryType: text(t[c + 9]!),
      category: text(t[c + 10]!),
      period: text(t[c + 11]!),
      valueNote: str(t[c + 12]!),
      comparedEngland: str(t[c + 13]!),
      comparedParent: str(t[c + 14]!),
      comparedGoal: str(t[c + 15]!),
      recentTrend: str(t[c + 16]!),
    };
  }
  return rows;
}
