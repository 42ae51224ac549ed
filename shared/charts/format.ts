/**
 * Number and label formatting shared by the chart specs, the text summaries and the data tables,
 * so that a value reads the same in the picture, the sentence and the table.
 *
 * Plain string work (no Intl): the same output in Node, Electron and every browser.
 */
import type { IndicatorMeta } from '../library/types';

/** What an empty number cell says. */
export const NOT_AVAILABLE = 'not available';
/** What a suppressed value (null, with no value note) says. */
export const SUPPRESSED = 'suppressed';
/** The d3-format string for value axes: thousands separators, no exponent, no trailing zeros (100 → "100", 0.5 → "0.5"). */
export const AXIS_NUMBER_FORMAT = ',~f';
/** Said wherever illustrative (not official) data are shown. */
export const ILLUSTRATIVE_NOTE = 'Illustrative data — not official statistics.';

/** True when a name or source already carries the illustrative-data warning (no need to say it twice). */
export function saysIllustrative(text: string | null | undefined): boolean {
  return /illustrative data/i.test(text ?? '');
}

/** 1234567.891 → "1,234,567.9" (decimals fixed, comma thousands separators). */
export function formatNumber(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return NOT_AVAILABLE;
  let text = Math.abs(x).toFixed(decimals);
  // -0.04 at 1 d.p. is "0.0", not "-0.0".
  const negative = x < 0 && Number(text) !== 0;
  const [whole = '0', fraction] = text.split('.');
  text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  return negative ? `-${text}` : text;
}

/** Decimal places for an indicator's values: counts are whole numbers, everything else 1 d.p. */
export function decimalsFor(indicator: Pick<IndicatorMeta, 'valueType'>): number {
  return indicator.valueType === 'count' ? 0 : 1;
}

/** A value as a bare number: "51.7", "1,234" (counts), or `NOT_AVAILABLE` for null. */
export function formatValue(x: number | null | undefined, indicator: Pick<IndicatorMeta, 'valueType'>): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NOT_AVAILABLE : formatNumber(x, decimalsFor(indicator));
}

/** "100,000" → "per 100,000"; the unit as it follows a number (with its leading space), or "". */
export function unitSuffix(indicator: Pick<IndicatorMeta, 'unit' | 'valueType' | 'multiplier'>): string {
  const unit = indicator.unit?.trim() ?? '';
  if (unit === '%') return '%';
  if (unit !== '') return ` ${unit}`;
  if (indicator.valueType === 'rate' && indicator.multiplier) return ` per ${formatNumber(indicator.multiplier, 0)}`;
  return '';
}

/** The unit as a label on its own ("per 100,000", "%"), or null. */
export function unitLabel(indicator: Pick<IndicatorMeta, 'unit' | 'valueType' | 'multiplier'>): string | null {
  const suffix = unitSuffix(indicator).trim();
  return suffix === '' ? null : suffix;
}

/** A value with its unit: "51.7 per 100,000", "12.3%", "1,234". */
export function formatValueWithUnit(x: number | null | undefined, indicator: Pick<IndicatorMeta, 'unit' | 'valueType' | 'multiplier'>): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  return formatValue(x, indicator) + unitSuffix(indicator);
}

/** "95% CI 44.3 to 59.9", or null when either limit is missing. */
export function formatCi(lower: number | null, upper: number | null, indicator: Pick<IndicatorMeta, 'valueType'>): string | null {
  if (lower === null || upper === null || !Number.isFinite(lower) || !Number.isFinite(upper)) return null;
  return `95% CI ${formatValue(lower, indicator)} to ${formatValue(upper, indicator)}`;
}

/** The noun for "the ___ in Leicester was …". */
export function measureNoun(indicator: Pick<IndicatorMeta, 'valueType'>): string {
  switch (indicator.valueType) {
    case 'rate':
      return 'rate';
    case 'proportion':
      return 'percentage';
    case 'count':
      return 'count';
    case 'other':
      return 'value';
  }
}

/** The value axis title, carrying the unit: "Rate per 100,000", "Percentage (%)", "Count". */
export function valueAxisTitle(indicator: Pick<IndicatorMeta, 'unit' | 'valueType' | 'multiplier'>): string {
  const noun = measureNoun(indicator);
  const capital = noun.charAt(0).toUpperCase() + noun.slice(1);
  const unit = unitLabel(indicator);
  if (unit === null) return capital;
  return unit.startsWith('per ') ? `${capital} ${unit}` : `${capital} (${unit})`;
}

/** A value cell in a data table: the number, else the value note, else "suppressed". */
export function valueCell(x: number | null, note: string | null, indicator: Pick<IndicatorMeta, 'valueType'>): string {
  if (x !== null && Number.isFinite(x)) return formatValue(x, indicator);
  const text = note === null ? '' : cleanText(note);
  return text === '' ? SUPPRESSED : text;
}

/** Collapse whitespace (Fingertips names can carry newlines) and trim. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Greedy word wrap for text drawn in a fixed-width column (vega draws an array of strings as lines).
 * Words longer than a line are split so nothing runs into the next column.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const width = Math.max(4, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  for (let word of cleanText(text).split(' ')) {
    while (word.length > width) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width - 1) + '-');
      word = word.slice(width - 1);
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** "Leicester", "Leicester and Rutland", "Leicester, Rutland and Leicestershire". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
