import type { ComparisonMethod, ComparisonOutcome, RecentTrend, TrendDirection } from '../../../shared/library/comparison';
import type { Polarity } from '../../../shared/library/types';

/**
 * The publisher's labels, read verbatim. Fingertips' vocabulary (its data downloads' "Compared to
 * England value or percentiles", "Compared to <parent> value or percentiles", "Compared to goal" and
 * "Recent Trend" columns, and the legends of fingertips.phe.org.uk; fingertipsR filters these
 * columns with grepl("[Ww]orse", …), docs.ropensci.org/fingertipsR/reference/fingertips_redred.html):
 *
 * - CI comparisons: Better, Similar, Worse (RAG, with polarity); Higher, Similar, Lower (no polarity);
 *   optionally with the level, e.g. "Better 95%", "Worse 99.8%"; Not compared.
 * - Quintiles: Best, Better, Middle, Worse, Worst (RAG); Lowest, Low, Middle, High, Highest (BOB).
 * - Goal: Better/Worse/Similar than goal, and "Achieving"/"Not achieving" wordings.
 * - Recent trend: "Increasing and getting better|worse", "Decreasing and getting better|worse",
 *   "Increasing", "Decreasing" (no polarity), "No significant change", "Cannot be calculated".
 *
 * A label outside this vocabulary is kept as it is, read as `unknown`, and flagged at import.
 */

export interface ReadLabel {
  outcome: ComparisonOutcome;
  /** What the label itself says about the method, when it says anything. */
  method: ComparisonMethod | null;
}

const LEVEL = /\s*\(?\s*(95(?:\.0)?|99\.8)\s*%\s*\)?$/;

/** Reads a comparison label. `quintiles` reads Better/Worse/Middle as quintile words. */
export function readComparisonLabel(label: string, opts: { quintiles?: boolean; polarity?: Polarity | null } = {}): ReadLabel {
  let t = label.trim().replace(/\s+/g, ' ').toLowerCase();
  let method: ComparisonMethod | null = null;
  const level = LEVEL.exec(t);
  if (level) {
    method = level[1] === '99.8' ? 'ci-overlap-99.8' : 'ci-overlap-95';
    t = t.slice(0, level.index).trim();
  }
  t = t.replace(/ (than|to|with) (the )?(goal|benchmark|england)$/, '').replace(/^(significantly )/, '');
  // Middle is in both legends: RAG where the indicator has a polarity, BOB where it has none.
  const bob = opts.polarity !== 'high-is-good' && opts.polarity !== 'low-is-good';
  switch (t) {
    case 'not compared':
    case 'not applicable':
      return { outcome: 'not-compared', method: null };
    case 'similar':
    case 'same':
    case 'not significantly different':
      return { outcome: opts.quintiles ? 'unknown' : 'similar', method };
    case 'better':
      return opts.quintiles ? { outcome: 'better-quintile', method: 'quintiles' } : { outcome: 'better', method };
    case 'worse':
      return opts.quintiles ? { outcome: 'worse-quintile', method: 'quintiles' } : { outcome: 'worse', method };
    case 'higher':
      return { outcome: 'higher', method };
    case 'lower':
      return { outcome: 'lower', method };
    case 'best':
      return { outcome: 'best', method: 'quintiles' };
    case 'worst':
      return { outcome: 'worst', method: 'quintiles' };
    case 'middle':
      return { outcome: bob ? 'middle' : 'middle-quintile', method: 'quintiles' };
    case 'lowest':
      return { outcome: 'lowest', method: 'quintiles' };
    case 'low':
      return { outcome: 'low', method: 'quintiles' };
    case 'high':
      return { outcome: 'high', method: 'quintiles' };
    case 'highest':
      return { outcome: 'highest', method: 'quintiles' };
    case 'achieving goal':
    case 'achieved goal':
    case 'meets goal':
    case 'met goal':
      return { outcome: 'better', method: 'goal' };
    case 'not achieving goal':
    case 'not achieved goal':
    case 'does not meet goal':
    case 'not met goal':
      return { outcome: 'worse', method: 'goal' };
    default:
      return { outcome: 'unknown', method };
  }
}

/** Quintile words only Fingertips' quintile legends use (Better/Worse/Middle are shared). */
export const QUINTILE_ONLY_LABELS = new Set(['best', 'worst', 'lowest', 'low', 'high', 'highest']);

export function isQuintileOnlyLabel(label: string): boolean {
  return QUINTILE_ONLY_LABELS.has(label.trim().toLowerCase());
}

const TREND = /^(increasing|decreasing)(?: and getting (better|worse))?$/;

/** Reads a "Recent Trend" label verbatim into direction and judgement. */
export function readTrendLabel(label: string): RecentTrend {
  const t = label.trim().replace(/\s+/g, ' ').toLowerCase();
  let direction: TrendDirection = 'unknown';
  let judgement: RecentTrend['judgement'] = null;
  const m = TREND.exec(t);
  if (m) {
    direction = m[1] as 'increasing' | 'decreasing';
    judgement = (m[2] as 'better' | 'worse' | undefined) ?? null;
  } else if (t === 'no significant change' || t === 'no change') direction = 'no-change';
  else if (t === 'cannot be calculated' || t === 'could not be calculated' || t === 'not calculated') direction = 'cannot-calculate';
  return { label, direction, judgement, source: 'file', method: null };
}

/** The old `significance` field's words for an outcome (quintiles and unknown labels are not in it). */
export function significanceOf(outcome: ComparisonOutcome): 'Better' | 'Similar' | 'Worse' | 'Higher' | 'Lower' | 'Not compared' {
  switch (outcome) {
    case 'better':
      return 'Better';
    case 'similar':
      return 'Similar';
    case 'worse':
      return 'Worse';
    case 'higher':
      return 'Higher';
    case 'lower':
      return 'Lower';
    default:
      return 'Not compared';
  }
}

/** Rows whose value the publisher estimated or aggregated: never given a computed CI or comparison by default. */
export function isEstimateOrAggregate(valueNote: string | null): boolean {
  return valueNote !== null && /modelled|synthetic|estimate|aggregated from/i.test(valueNote);
}
