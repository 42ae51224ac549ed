import { lineError } from './lineError';

/** One data record of either file format, checked and in the library's terms. */
export interface ParsedRow {
  line: number;
  indicatorId: string;
  indicatorName: string;
  /** Only tidy files carry a unit per row. */
  unit: string | null;
  areaCode: string;
  areaName: string;
  areaType: string | null;
  parentCode: string | null;
  sex: string;
  age: string;
  categoryType: string;
  category: string;
  period: string;
  periodSortable: number;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  count: number | null;
  denominator: number | null;
  valueNote: string | null;
  comparedEngland: string | null;
  comparedParent: string | null;
  comparedGoal: string | null;
  recentTrend: string | null;
}

/** The numbers a field may hold: digits with at most one decimal point, and an optional exponent. */
export const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** "342,627" as Excel writes a number formatted with thousands separators. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Whether `n` (= Number(t), finite) was read from a plain decimal (PLAIN_NUMBER) rather than from
 * what else Number() takes: hex, octal or binary ("0x10"), or whitespace other than the spaces and
 * tabs already trimmed ("12\n"). Four character tests instead of a pass over every character: an
 * import checks millions of numbers. Inside, Number() itself refuses anything but digits, one point
 * and an exponent.
 */
function isPlainNumberText(t: string): boolean {
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(t.length - 1);
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) return false;
  if (!((last >= 48 && last <= 57) || last === 46)) return false;
  if (first === 48 && t.length > 1) {
    const second = t.charCodeAt(1) | 0x20;
    if (second === 120 || second === 111 || second === 98) return false; // 0x, 0o, 0b
  }
  return true;
}

/**
 * A numeric field: empty (or spaces) → null, meaning missing or suppressed — never 0.
 * Anything that is not a finite number is refused: `file:line: column "Value": "abc" is not a number`.
 */
export function parseNumber(text: string | undefined, column: string, file: string, line: number): number | null {
  if (text === undefined || text === '') return null;
  let t = text;
  if (t.charCodeAt(0) === 32 || t.charCodeAt(t.length - 1) === 32 || t.includes('\t')) {
    t = t.trim();
    if (t === '') return null;
  }
  const n = Number(t);
  if (Number.isFinite(n) && isPlainNumberText(t)) return n;
  if (GROUPED_NUMBER.test(t)) return Number(t.replace(/,/g, ''));
  throw lineError(file, line, `column "${column}": ${JSON.stringify(text)} is not a number.`);
}

/** A text field: trimmed, internal runs of whitespace (incl. line breaks) made one space; empty → null. */
export function optionalText(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = /\s\s|[\t\r\n]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  return t === '' ? null : t;
}

/**
 * {@link optionalText} for one column, remembering the last field it read: most columns of a
 * Fingertips file (indicator name, sex, age, area type, the comparison labels) repeat row after row.
 */
export function columnText(): (text: string | undefined) => string | null {
  let lastRaw: string | undefined;
  let last: string | null = null;
  return (text) => {
    if (text !== lastRaw) {
      lastRaw = text;
      last = optionalText(text);
    }
    return last;
  };
}

/** {@link columnText} for a column every row needs. */
export function requiredColumnText(column: string, file: string): (text: string | undefined, line: number) => string {
  const read = columnText();
  return (text, line) => {
    const t = read(text);
    if (t === null) throw lineError(file, line, `column "${column}" is empty; every row needs one.`);
    return t;
  };
}

/** A text field that must be present. */
export function requiredText(text: string | undefined, column: string, file: string, line: number): string {
  const t = optionalText(text);
  if (t === null) throw lineError(file, line, `column "${column}" is empty; every row needs one.`);
  return t;
}
