import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Breakdown, ChartData, ChartRow, ChartSeries, ComparatorSeries } from '../../../shared/api/library';
import { compareWithBenchmark } from '../../../shared/stats';
import { ENGLAND_CODE } from './areas';
import { getIndicatorMeta, listBreakdowns } from './indicators';
import { DEFAULT_AGE, DEFAULT_SEX } from './parseFingertips';
import { prepared } from './prepared';

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
}

/** A chart row as stored: everything but the comparison, which the query adds. */
type ValueRow = Omit<ChartRow, 'comparator' | 'significance'>;

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
  return prepared(db, 'SELECT id, code, name, parent_code AS parentCode FROM areas WHERE code = ?').get(code) as AreaRow | undefined;
}

function valuesOf(db: Database.Database, seriesId: number, areaId: number): ValueRow[] {
  return prepared(
    db,
    `SELECT period, period_sortable AS periodSortable, value, lower95 AS lowerCi95, upper95 AS upperCi95, count, denominator,
       value_note AS valueNote, ci_method AS ciMethod
     FROM indicator_values WHERE series_id = ? AND area_id = ? ORDER BY period_sortable, period`,
  ).all(seriesId, areaId) as ValueRow[];
}

/**
 * The chart query: one indicator, one breakdown, the given areas over all periods (sorted by
 * period_sortable), each period with its comparator's value and the Fingertips significance label.
 */
export function queryChart(db: Database.Database, q: ChartQuery): ChartData {
  const indicator = getIndicatorMeta(db, q.indicatorId);
  const { seriesId, ...breakdown } = resolveBreakdown(db, q);
  const comparators = new Map<string, { area: AreaRow; rows: ValueRow[]; byPeriod: Map<string, ValueRow> }>();
  const comparatorFor = (area: AreaRow): { area: AreaRow; byPeriod: Map<string, ValueRow> } | null => {
    const choice = q.comparator ?? 'england';
    const code = choice === 'england' ? ENGLAND_CODE : choice === 'parent' ? area.parentCode : choice;
    if (!code || code === area.code) return null;
    let c = comparators.get(code);
    if (!c) {
      const cArea = getArea(db, code);
      if (!cArea) {
        if (choice === 'england' || choice === 'parent') return null;
        throw new AppError('NOT_FOUND', `The comparator area ${code} is not in the indicator library.`, { areaCode: code });
      }
      const rows = valuesOf(db, seriesId, cArea.id);
      c = { area: cArea, rows, byPeriod: new Map(rows.map((r) => [`${r.periodSortable}\u0001${r.period}`, r])) };
      comparators.set(code, c);
    }
    return c;
  };

  const series: ChartSeries[] = q.areaCodes.map((code) => {
    const area = getArea(db, code);
    if (!area) throw new AppError('NOT_FOUND', `Area ${code} is not in the indicator library.`, { areaCode: code });
    const comparator = comparatorFor(area);
    const rows: ChartRow[] = valuesOf(db, seriesId, area.id).map((r) => {
      const benchmark = comparator ? (comparator.byPeriod.get(`${r.periodSortable}\u0001${r.period}`)?.value ?? null) : null;
      return {
        period: r.period,
        periodSortable: r.periodSortable,
        value: r.value,
        lowerCi95: r.lowerCi95,
        upperCi95: r.upperCi95,
        count: r.count,
        denominator: r.denominator,
        valueNote: r.valueNote,
        comparator: comparator ? { area: comparator.area.code, value: benchmark } : null,
        significance: comparator ? compareWithBenchmark({ value: r.value, lower95: r.lowerCi95, upper95: r.upperCi95 }, benchmark, indicator.polarity) : 'Not compared',
        ciMethod: r.ciMethod,
      };
    });
    return { areaCode: area.code, areaName: area.name, comparator: comparator ? { code: comparator.area.code, name: comparator.area.name } : null, rows };
  });

  const comparatorSeries: ComparatorSeries[] = [...comparators.values()].map((c) => ({
    code: c.area.code,
    name: c.area.name,
    rows: c.rows.map((r) => ({ period: r.period, periodSortable: r.periodSortable, value: r.value, lowerCi95: r.lowerCi95, upperCi95: r.upperCi95 })),
  }));
  const vintage =
    (prepared(
      db,
      `SELECT id, indicator_id AS indicatorId, file_name AS fileName, sha256, imported_at AS importedAt, rows
       FROM vintages WHERE indicator_id = ? ORDER BY id DESC LIMIT 1`,
    ).get(q.indicatorId) as ChartData['vintage'] | undefined) ?? null;
  return { indicator, breakdown, series, comparators: comparatorSeries, vintage };
}
