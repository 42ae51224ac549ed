/**
 * Pure helpers over chart rows: ordering by period, picking series and periods, and ordering
 * categories such as deprivation deciles. (Comparisons come from the library, never from here.)
 */
import type { IndicatorValue } from '../library/types';
import { ENGLAND_CODE, type ChartRow, type Comparator, type SeriesChartData } from './types';

/** Order by `periodSortable` (YYYYQQMM), then period text only to break exact ties. Never alphabetic alone. */
export function byPeriod(a: Pick<IndicatorValue, 'periodSortable' | 'period'>, b: Pick<IndicatorValue, 'periodSortable' | 'period'>): number {
  return a.periodSortable - b.periodSortable || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);
}

/** A sorted copy (stable). */
export function sortByPeriod<T extends Pick<IndicatorValue, 'periodSortable' | 'period'>>(rows: readonly T[]): T[] {
  return [...rows].sort(byPeriod);
}

/** Distinct period texts in `periodSortable` order. */
export function periodsInOrder(rows: readonly Pick<IndicatorValue, 'periodSortable' | 'period'>[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of sortByPeriod(rows)) {
    if (!seen.has(row.period)) {
      seen.add(row.period);
      out.push(row.period);
    }
  }
  return out;
}

/** The row with the greatest `periodSortable` (its period is "the latest"), or null. */
export function latestRow<T extends Pick<IndicatorValue, 'periodSortable' | 'period'>>(rows: readonly T[]): T | null {
  const sorted = sortByPeriod(rows);
  return sorted[sorted.length - 1] ?? null;
}

/** Rows of one period (matched on `periodSortable` and the period text). */
export function rowsInPeriod<T extends Pick<IndicatorValue, 'periodSortable' | 'period'>>(rows: readonly T[], period: Pick<IndicatorValue, 'periodSortable' | 'period'>): T[] {
  return rows.filter((r) => r.periodSortable === period.periodSortable && r.period === period.period);
}

/** Areas in order of first appearance: [{ code, name }]. */
export function areasInOrder(rows: readonly Pick<IndicatorValue, 'areaCode' | 'areaName'>[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(row.areaCode)) seen.set(row.areaCode, row.areaName);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/** The England comparator (code E92000001, else the first comparator named "England"), or null. */
export function englandComparator(data: Pick<SeriesChartData, 'comparators'>): Comparator | null {
  return data.comparators.find((c) => c.code === ENGLAND_CODE) ?? data.comparators.find((c) => c.name === 'England') ?? null;
}

/** England's overall row (no category) for the same period, sex and age as `row`, or null. */
export function englandRowFor(data: Pick<SeriesChartData, 'comparators'>, row: Pick<IndicatorValue, 'periodSortable' | 'period' | 'sex' | 'age'>): ChartRow | null {
  const england = englandComparator(data);
  if (england === null) return null;
  const candidates = england.rows.filter((r) => r.periodSortable === row.periodSortable && r.period === row.period && r.categoryType === '');
  return candidates.find((r) => r.sex === row.sex && r.age === row.age) ?? null;
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
const GROUP_SIZES: Record<string, number> = { decile: 10, deciles: 10, quintile: 5, quintiles: 5, quartile: 4, quartiles: 4 };

/**
 * The rank of a deprivation category, 1 = most deprived, from its label; null if the label does not say.
 *   "Most deprived decile (IMD2015)" → 1, "Second most deprived decile" → 2, "Fifth more deprived decile" → 5,
 *   "Fifth less deprived decile" → 6, "Second least deprived decile" → 9, "Least deprived decile" → 10,
 *   "Most deprived quintile" → 1, "Least deprived quintile" → 5, "Decile 3" → 3, "3 - most deprived" → 3.
 */
export function deprivationRank(label: string): number | null {
  const text = label.toLowerCase().replace(/\(.*?\)/g, ' ').replace(/\s+/g, ' ').trim();
  const groupWord = /\b(deciles?|quintiles?|quartiles?)\b/.exec(text)?.[1];
  const size = groupWord === undefined ? null : GROUP_SIZES[groupWord] ?? null;
  const worded = /^(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) )?(most|more|least|less) deprived\b/.exec(text);
  if (worded?.[2]) {
    const n = worded[1] ? ORDINALS[worded[1]] ?? 1 : 1;
    const towardsMost = worded[2] === 'most' || worded[2] === 'more';
    if (towardsMost) return n;
    if (size === null) return null;
    return size + 1 - n;
  }
  const numbered = /^(?:(?:decile|quintile|quartile) )?(\d{1,2})\b/.exec(text) ?? /\b(?:decile|quintile|quartile) (\d{1,2})\b/.exec(text);
  if (numbered?.[1]) return Number(numbered[1]);
  return null;
}

/**
 * Categories in the order of the category: by deprivation rank when every label yields a distinct
 * rank, else in input order.
 */
export function orderCategories<T extends Pick<IndicatorValue, 'category'>>(rows: readonly T[]): T[] {
  const ranks = rows.map((r) => deprivationRank(r.category));
  const known = ranks.every((r): r is number => r !== null) && new Set(ranks).size === ranks.length;
  if (!known) return [...rows];
  return rows
    .map((row, i) => ({ row, rank: ranks[i] as number }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.row);
}
