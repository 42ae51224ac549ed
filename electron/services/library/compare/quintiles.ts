import { OUTCOME_WORDS, type ComparisonOutcome } from '../../../../shared/library/comparison';
import type { Polarity } from '../../../../shared/library/types';

const RAG: ComparisonOutcome[] = ['worst', 'worse-quintile', 'middle-quintile', 'better-quintile', 'best'];
const BOB: ComparisonOutcome[] = ['lowest', 'low', 'middle', 'high', 'highest'];

/**
 * Which fifth of all areas of its type (same period) an area's value falls in: quintile
 * q = ceil(5 × rank / n) with rank 1 the lowest value (ties share the highest rank of their group),
 * as PHEindicatormethods' phe_quantile assigns quantiles (github.com/ukhsa-collaboration/
 * PHEindicatormethods, R/Quantiles.R). With polarity: RAG Best … Worst (the best fifth by polarity);
 * without: BOB Lowest … Highest. Null without a value or with fewer than 5 areas.
 */
export function quintileOf(value: number | null, all: readonly number[], polarity: Polarity | null): ComparisonOutcome | null {
  if (value === null || all.length < 5) return null;
  const n = all.length;
  const rank = all.filter((v) => v <= value).length;
  const q = Math.min(5, Math.max(1, Math.ceil((5 * rank) / n)));
  if (polarity === 'high-is-good') return RAG[q - 1]!;
  if (polarity === 'low-is-good') return RAG[5 - q]!;
  return BOB[q - 1]!;
}

/** The words Fingertips' legends give each quintile outcome (one vocabulary: OUTCOME_WORDS). */
export const QUINTILE_WORDS: Partial<Record<ComparisonOutcome, string>> = Object.fromEntries([...RAG, ...BOB].map((o) => [o, OUTCOME_WORDS[o as keyof typeof OUTCOME_WORDS]]));
