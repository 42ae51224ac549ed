/**
 * Status tracking vocabulary for recommendations. The same lists are the CHECK constraints of
 * `recommendation_updates` (migration 002); keep them in step.
 */
export const STATUSES = ['Not started', 'In progress', 'Complete', 'Not progressing', 'Superseded'] as const;
export type RecommendationStatus = (typeof STATUSES)[number];

/** What a recommendation that was never given a status counts as. */
export const DEFAULT_STATUS: RecommendationStatus = 'Not started';

export const RAGS = ['Red', 'Amber', 'Green'] as const;
export type Rag = (typeof RAGS)[number];

/** Case- and space-insensitive match of a typed value to one of the list ("in progress" → "In progress"). */
export function matchWord<T extends string>(raw: string, allowed: readonly T[]): T | null {
  const key = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  return allowed.find((a) => a.toLowerCase() === key) ?? null;
}

/** A real calendar date written YYYY-MM-DD (2025-02-29 is not one). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
