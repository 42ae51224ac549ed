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

export function encodeRows(rows: ParsedRow[]): RowBatch {
  const n = rows.length;
  const numbers = new Float64Array(n * NN);
  const text = new Int32Array(n * NT);
  const strings: string[] = [];
  const previous: (string | null | undefined)[] = new Array(NT).fill(undefined);
  const previousIndex = new Int32Array(NT);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
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
  }
  return { n, numbers, text, strings };
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
