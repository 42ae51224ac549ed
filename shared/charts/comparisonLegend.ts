/**
 * A comparison (as the library holds it: the publisher's label, or computed and said so) as a chart
 * draws it: its colour by outcome (COMPARISON_COLOURS, Fingertips' palette), the word its legend
 * and its cells show, and legend domains built from the outcomes present. A recent trend as
 * Fingertips shows it: an arrow plus the words, coloured by direction and judgement.
 * Colour is never alone: every colour here goes with its words.
 */
import { COMPARISON_COLOURS, OUTCOME_WORDS, type Comparison, type ComparisonOutcome, type RecentTrend } from '../library/comparison';
import { cleanText } from './format';

/** Legend order: the three-way and two-way comparisons, RAG quintiles Best…Worst, BOB Lowest…Highest, then none. */
export const OUTCOME_ORDER: readonly ComparisonOutcome[] = [
  'better', 'similar', 'worse', 'higher', 'lower',
  'best', 'better-quintile', 'middle-quintile', 'worse-quintile', 'worst',
  'lowest', 'low', 'middle', 'high', 'highest',
  'not-compared', 'unknown',
];

/** The word a legend entry and a coloured cell show; an unknown label is shown as it stands. */
export function legendWord(c: Pick<Comparison, 'outcome' | 'label'>): string {
  return c.outcome === 'unknown' ? cleanText(c.label) || 'Unknown' : OUTCOME_WORDS[c.outcome];
}

/** The colour of a comparison: by its outcome, whatever words it carries. */
export function comparisonColour(c: Pick<Comparison, 'outcome'>): string {
  return COMPARISON_COLOURS[c.outcome];
}

/**
 * A legend's domain (words) and range (colours) from the comparisons drawn: only the outcomes
 * present, in Fingertips' order (RAG quintiles Best…Worst, BOB Lowest…Highest).
 */
export function legendScale(comparisons: readonly Pick<Comparison, 'outcome' | 'label'>[]): { domain: string[]; range: string[] } {
  const present = [...comparisons].sort((a, b) => OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome));
  const domain: string[] = [];
  const range: string[] = [];
  for (const c of present) {
    const word = legendWord(c);
    if (domain.includes(word)) continue;
    domain.push(word);
    range.push(comparisonColour(c));
  }
  if (domain.length === 0) return { domain: [OUTCOME_WORDS['not-compared']], range: [COMPARISON_COLOURS['not-compared']] };
  return { domain, range };
}

/** Text on a comparison-coloured cell (≥ 4.5:1): white on Worse red and the dark blues, black on Best green, near-black on the light fills. */
export function textColourOnOutcome(outcome: ComparisonOutcome): string {
  if (['worse', 'worst', 'lower', 'high', 'highest'].includes(outcome)) return '#ffffff';
  return outcome === 'best' ? '#000000' : '#1a1a1a';
}

/** Dark green and red for trend words on white (≥ 4.5:1), near-black where there is no judgement. */
export const TREND_COLOURS = { better: '#1B7837', worse: '#C00000', neutral: '#1a1a1a' } as const;

const ARROWS: Record<RecentTrend['direction'], string> = {
  increasing: '↑',
  decreasing: '↓',
  'no-change': '→',
  'cannot-calculate': '–',
  unknown: '?',
};

/** A computed trend's method without the library's own "(computed by JSNA Studio)" (said once, by us). */
function methodWords(t: RecentTrend): string {
  const method = cleanText((t.method ?? '').replace(/\(computed by JSNA Studio\)/i, ''));
  return `computed by JSNA Studio${method ? `: ${method}` : ''}`;
}

/** "↑ Increasing and getting better", or "not available": the trend alone, for a table whose next column says where it came from. */
export function trendLabel(t: RecentTrend | null): string {
  return t === null ? 'not available' : `${ARROWS[t.direction]} ${cleanText(t.label)}`;
}

/** "↑ Increasing and getting better", "→ No significant change (computed by JSNA Studio: …)", or "not available". */
export function trendWords(t: RecentTrend | null): string {
  return t?.source === 'computed' ? `${trendLabel(t)} (${methodWords(t)})` : trendLabel(t);
}

/** The colour of a trend's words: green getting better, red getting worse, neutral otherwise. */
export function trendColour(t: RecentTrend | null): string {
  if (t?.judgement === 'better') return TREND_COLOURS.better;
  if (t?.judgement === 'worse') return TREND_COLOURS.worse;
  return TREND_COLOURS.neutral;
}

/** Where a trend came from, in words. */
export function trendProvenance(t: RecentTrend | null): string {
  if (t === null || t.source === 'none') return 'none stated';
  return t.source === 'file' ? 'as published' : methodWords(t);
}

/** England compared with itself, or a row with nothing stated: not compared, no source. */
export const NOT_COMPARED: Comparison = { label: 'Not compared', outcome: 'not-compared', source: 'none', method: null, benchmarkCode: null };
