/**
 * A comparison (as published, or computed) in words, for text summaries, tables and tooltips.
 * Words always go with the colour. A computed comparison says that it was computed and how; a
 * publisher's label is used as it stands.
 */
import type { Comparison, ComparisonMethod, ComparisonOutcome } from '../library/comparison';
import { cleanText } from './format';

const METHOD_WORDS: Record<ComparisonMethod, string> = {
  'ci-overlap-95': '95% confidence interval',
  'ci-overlap-99.8': '99.8% confidence interval',
  quintiles: 'quintiles of all areas of the type',
  goal: 'comparison with the goal',
  'not-compared': 'not compared',
};

const QUINTILE_WORDS: Partial<Record<ComparisonOutcome, string>> = {
  best: 'in the best fifth of areas',
  'better-quintile': 'in the second best fifth of areas',
  'middle-quintile': 'in the middle fifth of areas',
  'worse-quintile': 'in the second worst fifth of areas',
  worst: 'in the worst fifth of areas',
  lowest: 'in the lowest fifth of areas',
  low: 'in the second lowest fifth of areas',
  middle: 'in the middle fifth of areas',
  high: 'in the second highest fifth of areas',
  highest: 'in the highest fifth of areas',
};

/** Why a row is not compared, from its value note: "modelled estimate", "aggregated value", or null. */
export function notComparedReason(valueNote: string | null | undefined): string | null {
  const note = (valueNote ?? '').toLowerCase();
  if (/modelled|synthetic/.test(note)) return 'modelled estimate';
  if (/aggregated/.test(note)) return 'aggregated value';
  return null;
}

/** "significantly better than England", "modelled estimate: not compared with England", … */
export function describeComparison(c: Comparison, benchmarkName: string, valueNote?: string | null): string {
  let words: string;
  switch (c.outcome) {
    case 'better':
    case 'worse':
    case 'higher':
    case 'lower':
      words = `significantly ${c.outcome} than ${benchmarkName}`;
      break;
    case 'similar':
      words = `statistically similar to ${benchmarkName}`;
      break;
    case 'not-compared': {
      const reason = notComparedReason(valueNote);
      words = `${reason ? `${reason}: ` : ''}not compared with ${benchmarkName}`;
      break;
    }
    case 'unknown':
      words = `“${cleanText(c.label)}” compared with ${benchmarkName}`;
      break;
    default:
      words = QUINTILE_WORDS[c.outcome] ?? cleanText(c.label);
  }
  return c.source === 'computed' ? `${words} (${provenanceWords(c)})` : words;
}

/** Where a comparison came from, in words: "as published", "computed: 95% confidence interval", "none stated". */
export function provenanceWords(c: Pick<Comparison, 'source' | 'method'>): string {
  if (c.source === 'file') return 'as published';
  if (c.source === 'none') return 'none stated';
  return `computed by JSNA Studio: ${c.method ? METHOD_WORDS[c.method] : 'method not recorded'}`;
}
