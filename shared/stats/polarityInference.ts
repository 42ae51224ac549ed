import type { Polarity } from '../library/types';

export interface LabelledObservation {
  value: number | null;
  benchmark: number | null;
  /** Fingertips' "Compared to England value or percentiles" label, e.g. "Better", "Similar". */
  label: string | null;
}

/** How many Higher/Lower rows (with no Better/Worse anywhere) it takes to call an indicator 'no-judgement'. */
export const MIN_ROWS_FOR_NO_JUDGEMENT = 3;

type LabelWord = 'better' | 'worse' | 'higher' | 'lower' | 'other';

/** The label's first word, case-insensitive, so "Better", " worse " and "Better 95%" all count. */
function labelWord(label: string | null): LabelWord {
  const first = (label ?? '').trim().toLowerCase().split(/\s+/)[0];
  return first === 'better' || first === 'worse' || first === 'higher' || first === 'lower' ? first : 'other';
}

/** +1 if the area is above its benchmark, −1 below, 0 when equal or either is missing. */
function direction(o: LabelledObservation): number {
  if (o.value === null || o.benchmark === null || !Number.isFinite(o.value) || !Number.isFinite(o.benchmark)) return 0;
  return Math.sign(o.value - o.benchmark);
}

/**
 * Polarity from a Fingertips file's comparison labels, which the file has but no polarity column.
 * Better below the benchmark (or Worse above) → 'low-is-good'; Better above (or Worse below) → 'high-is-good'.
 * Only Higher/Lower labels (Similar and Not compared aside) on at least {@link MIN_ROWS_FOR_NO_JUDGEMENT} rows →
 * 'no-judgement'. Anything else — no evidence, too little, or contradictory evidence — → null: don't guess.
 */
export function inferPolarity(observations: readonly LabelledObservation[]): Polarity | null {
  let highIsGood = 0;
  let lowIsGood = 0;
  let judgedRows = 0;
  let unjudgedRows = 0;
  for (const o of observations) {
    const word = labelWord(o.label);
    if (word === 'other') continue;
    const dir = direction(o);
    if (word === 'better' || word === 'worse') {
      judgedRows++;
      if (dir === 0) continue;
      if ((word === 'better') === (dir > 0)) highIsGood++;
      else lowIsGood++;
    } else {
      unjudgedRows++;
      if (dir !== 0 && (word === 'higher') !== (dir > 0)) return null; // "Higher" for an area below its benchmark
    }
  }
  if (judgedRows > 0 && unjudgedRows > 0) return null;
  if (highIsGood > 0 && lowIsGood > 0) return null;
  if (highIsGood > 0) return 'high-is-good';
  if (lowIsGood > 0) return 'low-is-good';
  if (unjudgedRows >= MIN_ROWS_FOR_NO_JUDGEMENT) return 'no-judgement';
  return null;
}
