import type { ValueType } from '../../../shared/library/types';

export interface InferredValueType {
  valueType: ValueType;
  multiplier: number | null;
  unit: string | null;
}

/** "100,000" / "100 000" → 100000; "1000" → 1000. */
function perNumber(text: string): number | null {
  const n = Number(text.replace(/[, \u00a0\u2009]/g, ''));
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * A Fingertips file has no value-type column, so read it from the indicator name (or a tidy file's
 * unit) where it is obvious, and say 'other' where it is not (then no CI is computed and nothing is
 * assumed):
 *   "rate/100,000", "per 100,000", "rate per 1,000" → rate × that;
 *   "%", "percent", "percentage", "proportion" → proportion × 100;
 *   "Number of …", "count" → count.
 */
export function inferValueType(nameOrUnit: string): InferredValueType {
  const text = nameOrUnit.replace(/\s+/g, ' ');
  const rate = /(?:\/|\bper)\s*(\d{1,3}(?:[, \u00a0\u2009]\d{3})+|\d+)(?!\d|\.\d)/i.exec(text);
  if (rate?.[1]) {
    const multiplier = perNumber(rate[1]);
    if (multiplier !== null && multiplier >= 10) {
      return { valueType: 'rate', multiplier, unit: `per ${multiplier.toLocaleString('en-GB')}` };
    }
  }
  if (/%|\bper ?cent(age)?\b|\bproportion\b/i.test(text)) return { valueType: 'proportion', multiplier: 100, unit: '%' };
  if (/^(number|count) of\b|^count$|\(count\)|^number$/i.test(text.trim())) return { valueType: 'count', multiplier: null, unit: null };
  return { valueType: 'other', multiplier: null, unit: null };
}
