import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Breakdown, ChartData, ChartRow, ChartSeries, ComparatorSeries } from '../../../shared/api/library';
import { significanceOf } from './comparisonLabels';
import { ENGLAND_CODE } from './areas';
import { getIndicatorMeta, listBreakdowns } from './indicators';
import { DEFAULT_AGE, DEFAULT_SEX } from './parseFingertips';
import { prepared } from './prepared';
import { RowComparisons, type StoredValue } from './rowComparisons';

export interface ChartQuery {
  indicatorId: string;
  areaCodes: string[];
  /** Default: the indicator's only sex, else Persons. */
  sex?: string | undefined;
  /** Default: the indicator's only age, else All ages. */
  age?: string | undefined;
  /** Default: no category (the whole population). */
  categoryType?: string | undefined;
  category?: string | undefined;
  /** 'england' (default), 'parent' (each area's parent, e.g. its region) or an area code. */
  comparator?: string | undefined;
}

interface AreaRow {
  id: number;
  code: string;
  name: string;
  parentCode: string | null;
  areaType: string | null;
}


const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const list = (values: string[]) => [...new Set(values)].map((v) => (v === '' ? '(none)' : v)).join(', ');

/**
 * The breakdown a query means. Given values must match (case aside); missing sex and age default to
 * the indicator's only one, else to Persons / All ages; a missing category means none.
 */
export function resolveBreakdown(db: Database.Database, q: ChartQuery): Breakdown & { seriesId: number } {
  const all = listBreakdowns(db, q.indicatorId);
  const id = q.indicatorId;
  if (all.length === 0) throw new AppError('NOT_FOUND', `Indicator ${id} has no values.`, { indicatorId: id });
  let candidates = all;
  if (q.categoryType !== undefined) {
    candidates = candidates.filter((s) => same(s.categoryType, q.categoryType!));
    if (!candidates.length) throw new AppError('NOT_FOUND', `Indicator ${id} has no category type "${q.categoryType}"; it has: ${list(all.map((s) => s.categoryType))}.`);
  }
  if (q.category !== undefined) {
    candidates = candidates.filter((s) => same(s.category, q.category!));
    if (!candidates.length) throw new AppError('NOT_FOUND', `Indicator ${id} has no category "${q.category}"; it has: ${list(all.map((s) => s.category))}.`);
  } else if (q.categoryType === undefined) {
    const whole = candidates.filter((s) => s.categoryType === '' && s.category === '');
    if (!whole.length) {
      throw new AppError('BAD_INPUT', `Indicator ${id} has values only by category; choose one of: ${list(all.map((s) => s.category))}.`);
    }
    candidates = whole;
  }
  for (const [key, given, fallback] of [
    ['sex', q.sex, DEFAULT_SEX],
    ['age', q.age, DEFAULT_AGE],
  ] as const) {
    const before = candidates;
    if (given !== undefined) {
      candidates = candidates.filter((s) => same(s[key], given));
      if (!candidates.length) throw new AppError('NOT_FOUND', `Indicator ${id} has no ${key} "${given}"; it has: ${list(before.map((s) => s[key]))}.`);
    } else {
      const values = [...new Set(candidates.map((s) => s[key]))];
      if (values.length > 1) {
        if (!values.includes(fallback)) {
          throw new AppError('BAD_INPUT', `Indicator ${id} has several values of ${key} (${list(values)}); choose one.`, { field: key });
        }
        candidates = candidates.filter((s) => s[key] === fallback);
      }
    }
  }
  if (candidates.length > 1) {
    throw new AppError('BAD_INPUT', `Indicator ${id} has several categories here (${list(candidates.map((s) => s.category))}); choose one.`, {
      field: 'category',
    });
  }
  return candidates[0]!;
}

function getArea(db: Database.Database, code: string): AreaRow | undefined {
  return prepared(db, 'SELECT id, code, name, parent_code AS parentCode, area_type AS areaType FROM areas WHERE code = ?').get(code) as AreaRow | undefined;
}

function valuesOf(db: Database.Database, seriesId: number, areaId: number): StoredValue[] {
  return prepared(
    db,
    `SELECT period, period_sortable AS periodSortable, value, lower95 AS lowerCi95, upper95 AS upperCi95, lower998, upper998,
       count, denominator, value_note AS valueNote, ci_method AS ciMethod, compared_england AS comparedEnglandLabel,
       compared_parent AS comparedParentLabel, compared_goal AS comparedGoalLabel, recent_trend AS recentTrendLabel
     FROM indicator_values WHERE series_id = ? AND area_id = ? ORDER BY period_sortable, period`,
  ).all(seriesId, areaId) as StoredValue[];
}

const periodKey = (r: { periodSortable: number; period: string }) => `${r.periodSortable}\u0001${r.period}`;

interface AreaValues {
  area: AreaRow;
  rows: StoredValue[];
  byPeriod: Map<string, StoredValue>;
}

/**
 * The chart query: one indicator, one breakdown, the given areas over all periods (sorted by
 * period_sortable), each period with its comparator's value and its comparisons — the file's own
 * labels where it gives them, computed (and said so) only where it does not.
 */
export function queryChart(db: Database.Database, q: ChartQuery): ChartData {
  const indicator = getIndicatorMeta(db, q.indicatorId);
  const { seriesId, ...breakdown } = resolveBreakdown(db, q);
  const loaded = new Map<string, AreaValues | null>();
  const load = (code: string | null): AreaValues | null => {
    if (!code) return null;
    if (!loaded.has(code)) {
      const area = getArea(db, code);
      const rows = area ? valuesOf(db, seriesId, area.id) : [];
      loaded.set(code, area ? { area, rows, byPeriod: new Map(rows.map((r) => [periodKey(r), r])) } : null);
    }
    return loaded.get(code)!;
  };
  const peers = new Map<string, number[]>();
  const peersOf = (areaType: string | null) => (row: StoredValue) => {
    const key = `${areaType}\u0001${periodKey(row)}`;
    let p = peers.get(key);
    if (!p) {
      p = (
        prepared(
          db,
          `SELECT v.value FROM indicator_values v JOIN areas a ON a.id = v.area_id
           WHERE v.series_id = ? AND a.area_type IS ? AND v.period_sortable = ? AND v.period = ? AND v.value IS NOT NULL`,
        ).all(seriesId, areaType, row.periodSortable, row.period) as { value: number }[]
      ).map((r) => r.value);
      peers.set(key, p);
    }
    return p;
  };
  const comparatorCodes = new Set<string>();
  const comparatorFor = (area: AreaRow): AreaValues | null => {
    const choice = q.comparator ?? 'england';
    const code = choice === 'england' ? ENGLAND_CODE : choice === 'parent' ? area.parentCode : choice;
    if (!code || code === area.code) return null;
    const c = load(code);
    if (!c) {
      if (choice === 'england' || choice === 'parent') return null;
      throw new AppError('NOT_FOUND', `The comparator area ${code} is not in the indicator library.`, { areaCode: code });
    }
    comparatorCodes.add(code);
    return c;
  };

  const series: ChartSeries[] = q.areaCodes.map((code) => {
    const own = load(code);
    if (!own) throw new AppError('NOT_FOUND', `Area ${code} is not in the indicator library.`, { areaCode: code });
    const { area } = own;
    const comparator = comparatorFor(area);
    const cmp = new RowComparisons(indicator, peersOf(area.areaType));
    const england = area.code === ENGLAND_CODE ? null : load(ENGLAND_CODE);
    const parent = area.parentCode && area.parentCode !== area.code ? load(area.parentCode) : null;
    const benchmarkIn = (b: AreaValues | null, r: StoredValue) => (b ? { code: b.area.code, value: b.byPeriod.get(periodKey(r))?.value ?? null } : null);
    const rows: ChartRow[] = own.rows.map((r, i) => {
      const comparedEngland = cmp.withBenchmark(r, r.comparedEnglandLabel, benchmarkIn(england, r));
      // The file's parent label stands even where the area has no parent (England: "Not compared").
      const comparedParent =
        area.parentCode || r.comparedParentLabel !== null
          ? cmp.withBenchmark(r, r.comparedParentLabel, area.parentCode ? (benchmarkIn(parent, r) ?? { code: area.parentCode, value: null }) : null)
          : null;
      const benchmark = benchmarkIn(comparator, r);
      // The query's comparator, in the old words: the file's label for England or the parent even
      // where the library lacks that area's own values; computed only for another area.
      const choice = q.comparator ?? 'england';
      const chosen =
        choice === 'england' || (comparator !== null && comparator.area.code === ENGLAND_CODE)
          ? area.code === ENGLAND_CODE
            ? null
            : comparedEngland
          : choice === 'parent' || (comparator !== null && comparator.area.code === area.parentCode)
            ? comparedParent
            : comparator === null
              ? null
              : cmp.withBenchmark(r, null, benchmark);
      return {
        period: r.period,
        periodSortable: r.periodSortable,
        value: r.value,
        lowerCi95: r.lowerCi95,
        upperCi95: r.upperCi95,
        count: r.count,
        denominator: r.denominator,
        valueNote: r.valueNote,
        comparator: benchmark,
        significance: chosen ? significanceOf(chosen.outcome) : 'Not compared',
        ciMethod: r.ciMethod,
        lower998: r.lower998,
        upper998: r.upper998,
        comparedEngland,
        comparedParent,
        comparedGoal: cmp.withGoal(r),
        recentTrend: cmp.trend(r, own.rows.slice(0, i + 1), i === own.rows.length - 1),
      };
    }).map((row) => (row.comparator ? { ...row, comparator: { area: row.comparator.code, value: row.comparator.value } } : { ...row, comparator: null })) as ChartRow[];
    return { areaCode: area.code, areaName: area.name, comparator: comparator ? { code: comparator.area.code, name: comparator.area.name } : null, rows };
  });

  const comparatorSeries: ComparatorSeries[] = [...comparatorCodes].map((code) => {
    const c = loaded.get(code)!;
    return {
      code: c.area.code,
      name: c.area.name,
      rows: c.rows.map((r) => ({ period: r.period, periodSortable: r.periodSortable, value: r.value, lowerCi95: r.lowerCi95, upperCi95: r.upperCi95 })),
    };
  });
  const vintage =
    (prepared(
      db,
      `SELECT id, indicator_id AS indicatorId, file_name AS fileName, sha256, imported_at AS importedAt, rows
       FROM vintages WHERE indicator_id = ? ORDER BY id DESC LIMIT 1`,
    ).get(q.indicatorId) as ChartData['vintage'] | undefined) ?? null;
  return { indicator, breakdown, series, comparators: comparatorSeries, vintage };
}
