import type Database from 'better-sqlite3';
import { type FingertipsWithdrawnValue, WITHDRAWN_EXAMPLES } from '../../../shared/api/fingertips';

/**
 * Values the library holds from one request that Fingertips' new answer to it no longer has.
 *
 * A request's values are the indicator's current rows whose vintage is one of this request's
 * (vintages are named as the request is). Nothing wider: a row another request wrote (another
 * area type, say), or that another request's file gave with the same value first (a staged row
 * equal to the stored one keeps its vintage), or a file imported from disk, is never this
 * request's, so it is never counted as withdrawn from it.
 */

/** A value's key in indicator_values (series, area, period), as text. The period goes last: it may hold any character. */
export const valueKey = (seriesId: number, areaId: number, periodSortable: number, period: string) => `${seriesId}:${areaId}:${periodSortable}:${period}`;

export interface RequestVintage {
  id: number;
  sha256: string;
}

export interface Withdrawn {
  count: number;
  examples: FingertipsWithdrawnValue[];
}

type Key = [seriesId: number, areaId: number, periodSortable: number, period: string];
type Series = { sex: string; age: string; categoryType: string; category: string };

export function requestScope(db: Database.Database) {
  const vintagesOf = db.prepare('SELECT id, sha256 FROM vintages WHERE indicator_id = ? AND file_name = ? ORDER BY id');
  // Not correlated with the outer row, so SQLite lists the request's vintages once.
  const ofRequest = 'iv.vintage_id IN (SELECT v.id FROM vintages v WHERE v.indicator_id = ? AND v.file_name = ?)';
  const from = 'FROM series s JOIN indicator_values iv ON iv.series_id = s.id WHERE s.indicator_id = ?';
  // Keys only: the areas' and series' labels are looked up for the few examples.
  const keysOf = db.prepare(`SELECT iv.series_id, iv.area_id, iv.period_sortable, iv.period ${from} AND ${ofRequest}`).raw();
  const countOf = db.prepare(`SELECT count(*) ${from} AND ${ofRequest}`).pluck();
  const anyRowOfOtherFile = db.prepare(`SELECT EXISTS (SELECT 1 ${from} AND ${ofRequest} AND iv.vintage_id NOT IN (SELECT id FROM vintages WHERE sha256 = ?))`).pluck();
  const areaOf = db.prepare('SELECT code AS areaCode, name AS areaName FROM areas WHERE id = ?');
  const seriesOf = db.prepare('SELECT sex, age, category_type AS categoryType, category FROM series WHERE id = ?');
  const areas = new Map<number, { areaCode: string; areaName: string }>();
  const series = new Map<number, Series>();
  const example = ([seriesId, areaId, periodSortable, period]: Key) => {
    if (!areas.has(areaId)) areas.set(areaId, areaOf.get(areaId) as { areaCode: string; areaName: string });
    if (!series.has(seriesId)) series.set(seriesId, seriesOf.get(seriesId) as Series);
    return { periodSortable, value: { period, ...areas.get(areaId)!, ...series.get(seriesId)! } };
  };
  /** Examples are named by area, then period, then breakdown. */
  const byAreaThenPeriod = (x: ReturnType<typeof example>, y: ReturnType<typeof example>) => {
    const [a, b] = [x.value, y.value];
    return cmp(a.areaCode, b.areaCode) || x.periodSortable - y.periodSortable || cmp(a.period, b.period) || cmp(a.sex, b.sex) || cmp(a.age, b.age) || cmp(a.categoryType, b.categoryType) || cmp(a.category, b.category);
  };
  return {
    /** This request's vintages of the indicator, oldest first. */
    vintages(indicatorId: string, request: string): RequestVintage[] {
      return vintagesOf.all(indicatorId, request) as RequestVintage[];
    },
    /**
     * Whether the indicator still shows values from a vintage of this request whose file is not
     * `sha256`: only then can an answer that is the very file `sha256` lack one of the request's values.
     */
    holdsOtherFiles(indicatorId: string, request: string, vintages: readonly RequestVintage[], sha256: string): boolean {
      return vintages.some((v) => v.sha256 !== sha256) && anyRowOfOtherFile.get(indicatorId, indicatorId, request, sha256) === 1;
    },
    /** The request's values not among `answered` (valueKey of each of the answer's rows the library has from this request). */
    withdrawn(indicatorId: string, request: string, answered: ReadonlySet<string>): Withdrawn {
      // Every key in `answered` is one of the request's values: when they are all there, nothing to name (counted, not read).
      if ((countOf.get(indicatorId, indicatorId, request) as number) === answered.size) return { count: 0, examples: [] };
      let count = 0;
      const first: ReturnType<typeof example>[] = [];
      for (const key of keysOf.iterate(indicatorId, indicatorId, request) as Iterable<Key>) {
        if (answered.has(valueKey(...key))) continue;
        count++;
        // The first few in a stated order (the rows come in the query plan's), kept while counting.
        const e = example(key);
        if (first.length === WITHDRAWN_EXAMPLES && byAreaThenPeriod(e, first[WITHDRAWN_EXAMPLES - 1]!) >= 0) continue;
        first.push(e);
        first.sort(byAreaThenPeriod);
        if (first.length > WITHDRAWN_EXAMPLES) first.pop();
      }
      return { count, examples: first.map((e) => e.value) };
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
