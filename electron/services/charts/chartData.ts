import type Database from 'better-sqlite3';
import type { ChartDataResponse, ChartRef } from '../../../shared/api/charts';
import { AppError } from '../../../shared/api/errors';
import type { ChartData as QueryResult } from '../../../shared/api/library';
import { withSignificance } from '../../../shared/charts/data';
import { basketIndicatorIds, ENGLAND_CODE, PARENT_COMPARATOR } from '../../../shared/charts/definition';
import type { BasketChartData, BasketItem, Comparator, KindedChartData, RecentTrend, SeriesChartData } from '../../../shared/charts/types';
import type { IndicatorValue, Vintage } from '../../../shared/library/types';
import { compareWithBenchmark } from '../../../shared/stats';
import { listBreakdowns } from '../library/indicators';
import type { Library } from '../library/openLibrary';
import { type ChartQuery, queryChart } from '../library/query';
import { spineData } from './spineData';

/**
 * The one data path from a chart node's attributes to the rows its builder draws, used by the
 * editor (charts.data) and by export alike. Problems come back as a message to show in place of
 * the chart, never as an empty frame.
 */
export function loadChartData(library: Library, ref: ChartRef): ChartDataResponse {
  try {
    if (ref.kind === 'spine') return spineData(library.db, ref, (vintages, data) => done(ref, vintages, { kind: 'spine', data }));
    return ref.kind === 'basket' ? basket(library.db, ref) : series(library.db, ref, ref.kind);
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message };
    throw e;
  }
}

const opt = (v: string | null) => (v === null || v === '' ? undefined : v);

function toValues(q: QueryResult, areaCode: string, areaName: string, rows: { period: string; periodSortable: number; value: number | null; lowerCi95: number | null; upperCi95: number | null; count?: number | null; denominator?: number | null; valueNote?: string | null; ciMethod?: IndicatorValue['ciMethod'] }[]): IndicatorValue[] {
  return rows.map((r) => ({
    indicatorId: q.indicator.id,
    areaCode,
    areaName,
    areaType: null,
    sex: q.breakdown.sex,
    age: q.breakdown.age,
    categoryType: q.breakdown.categoryType,
    category: q.breakdown.category,
    period: r.period,
    periodSortable: r.periodSortable,
    value: r.value,
    lower95: r.lowerCi95,
    upper95: r.upperCi95,
    count: r.count ?? null,
    denominator: r.denominator ?? null,
    valueNote: r.valueNote ?? null,
    ciMethod: r.ciMethod ?? null,
  }));
}

function inRange(ref: ChartRef) {
  return (r: { periodSortable: number }) => (ref.periodFrom === null || r.periodSortable >= ref.periodFrom) && (ref.periodTo === null || r.periodSortable <= ref.periodTo);
}

function baseQuery(ref: ChartRef, indicatorId: string, areaCodes: string[], comparator = 'england'): ChartQuery {
  return { indicatorId, areaCodes, sex: opt(ref.sex), age: opt(ref.age), categoryType: opt(ref.categoryType), category: opt(ref.category), comparator };
}

function englandOf(q: QueryResult): IndicatorValue[] {
  const eng = q.comparators.find((c) => c.code === ENGLAND_CODE);
  if (eng) return toValues(q, eng.code, eng.name, eng.rows);
  const own = q.series.find((s) => s.areaCode === ENGLAND_CODE);
  return own ? toValues(q, own.areaCode, own.areaName, own.rows) : [];
}

function comparatorOf(q: QueryResult, code: string, name: string, values: IndicatorValue[], england: IndicatorValue[]): Comparator {
  return { code, name, rows: withSignificance(values, code === ENGLAND_CODE ? [] : england, q.indicator.polarity) };
}

function series(db: Database.Database, ref: ChartRef, kind: Exclude<ChartRef['kind'], 'basket' | 'spine'>): ChartDataResponse {
  if (!ref.indicatorId) return { ok: false, message: 'Choose an indicator for this chart.' };
  if (!ref.areaCode) return { ok: false, message: 'Choose an area for this chart.' };
  const indicatorId = ref.indicatorId;
  const areaCode = ref.areaCode;
  const chosen = ref.comparators.filter((c) => c !== ENGLAND_CODE && c !== PARENT_COMPARATOR);
  const areaCodes = ref.kind === 'compare' ? [areaCode, ...chosen] : [areaCode];
  let rows: IndicatorValue[] = [];
  let q: QueryResult;

  if (ref.kind === 'inequality') {
    if (!ref.categoryType) {
      const types = [...new Set(listBreakdowns(db, indicatorId).map((b) => b.categoryType).filter(Boolean))];
      if (!types.length) return { ok: false, message: 'This indicator has no breakdown by category (such as deprivation decile) to show inequality.' };
      ref = { ...ref, categoryType: types[0]! };
    }
    const categories = listBreakdowns(db, indicatorId)
      .filter((b) => b.categoryType === ref.categoryType && (!ref.sex || b.sex === ref.sex) && (!ref.age || b.age === ref.age))
      .map((b) => b.category);
    q = queryChart(db, baseQuery({ ...ref, categoryType: null, category: null }, indicatorId, areaCodes));
    for (const s of q.series) rows.push(...toValues(q, s.areaCode, s.areaName, s.rows));
    let byCategory = 0;
    for (const category of [...new Set(categories)]) {
      const c = queryChart(db, baseQuery({ ...ref, category }, indicatorId, areaCodes));
      for (const s of c.series) {
        const values = toValues(c, s.areaCode, s.areaName, s.rows).filter(inRange(ref));
        byCategory += values.filter((v) => v.value !== null).length;
        rows.push(...values);
      }
    }
    if (!byCategory) {
      const name = q.series[0]?.areaName ?? areaCode;
      return { ok: false, message: `The library has no values of “${q.indicator.name}” by ${ref.categoryType} for ${name}${ref.periodFrom || ref.periodTo ? ' in the chosen periods' : ''}.` };
    }
  } else {
    q = queryChart(db, baseQuery(ref, indicatorId, areaCodes));
    for (const s of q.series) rows.push(...toValues(q, s.areaCode, s.areaName, s.rows));
  }
  rows = rows.filter(inRange(ref));
  if (!rows.some((r) => r.value !== null || r.valueNote)) {
    const name = q.series[0]?.areaName ?? areaCode;
    return { ok: false, message: `The library has no values of “${q.indicator.name}” for ${name}${ref.periodFrom || ref.periodTo ? ' in the chosen periods' : ''}.` };
  }
  const england = englandOf(q).filter(inRange(ref));
  const comparators: Comparator[] = [];
  if (ref.comparators.includes(ENGLAND_CODE) || ref.kind !== 'compare') {
    if (england.length) comparators.push(comparatorOf(q, ENGLAND_CODE, 'England', england, england));
  }
  if (ref.comparators.includes(PARENT_COMPARATOR)) {
    const p = queryChart(db, baseQuery(ref, indicatorId, [areaCode], 'parent'));
    const parent = p.comparators[0];
    if (parent) comparators.push(comparatorOf(p, parent.code, parent.name, toValues(p, parent.code, parent.name, parent.rows).filter(inRange(ref)), england));
  }
  const data: SeriesChartData = { indicator: q.indicator, rows: withSignificance(rows, areaCode === ENGLAND_CODE ? [] : england, q.indicator.polarity), comparators };
  return done(ref, [q.vintage], { kind, data });
}

function recentTrend(values: IndicatorValue[]): RecentTrend {
  const withCi = values.filter((v) => v.value !== null && v.lower95 !== null && v.upper95 !== null);
  if (withCi.length < 3) return 'could not be calculated';
  const latest = withCi[withCi.length - 1]!;
  const earlier = withCi[withCi.length - 3]!;
  if (latest.lower95! > earlier.upper95!) return 'increasing';
  if (latest.upper95! < earlier.lower95!) return 'decreasing';
  return 'no significant change';
}

function basket(db: Database.Database, ref: ChartRef): ChartDataResponse {
  const ids = basketIndicatorIds(ref);
  if (!ids.length) return { ok: false, message: 'Choose the indicators for this basket.' };
  if (!ref.areaCode) return { ok: false, message: 'Choose an area for this basket.' };
  const items: BasketItem[] = [];
  const vintages: (Vintage | null)[] = [];
  let areaName = ref.areaCode;
  const problems: string[] = [];
  for (const id of ids) {
    let q: QueryResult;
    try {
      q = queryChart(db, { indicatorId: id, areaCodes: [ref.areaCode], comparator: 'england' });
    } catch (e) {
      if (e instanceof AppError) {
        problems.push(e.message);
        continue;
      }
      throw e;
    }
    const s = q.series[0]!;
    areaName = s.areaName;
    const values = toValues(q, s.areaCode, s.areaName, s.rows).filter(inRange(ref));
    const withValue = values.filter((v) => v.value !== null);
    const latest = withValue[withValue.length - 1] ?? null;
    const englandValues = englandOf(q);
    const england = latest ? (englandValues.find((e) => e.periodSortable === latest.periodSortable && e.period === latest.period) ?? null) : null;
    const group = ref.indicatorGroups?.[id]?.trim();
    items.push({
      ...(group ? { group } : {}),
      indicator: q.indicator,
      latest,
      england,
      significance: latest && ref.areaCode !== ENGLAND_CODE ? compareWithBenchmark(latest, england?.value ?? null, q.indicator.polarity) : 'Not compared',
      trend: recentTrend(values),
    });
    vintages.push(q.vintage);
  }
  if (!items.length) return { ok: false, message: problems.join(' ') || 'None of the basket’s indicators has data.' };
  const data: BasketChartData = { area: { code: ref.areaCode, name: areaName }, items };
  return done(ref, vintages, { kind: 'basket', data });
}

function done(ref: ChartRef, vintages: (Vintage | null)[], chart: KindedChartData): ChartDataResponse {
  const vintage = newest(vintages);
  return { ok: true, ...chart, vintage, newerThanReviewed: vintage !== null && ref.reviewedVintage !== null && vintage.id > ref.reviewedVintage };
}

function newest(vintages: (Vintage | null)[]): Vintage | null {
  return vintages.filter((v): v is Vintage => v !== null).sort((a, b) => b.id - a.id)[0] ?? null;
}

/** The newest vintage id in the library (what a chart inserted now has been reviewed against), or null. */
export function newestVintage(library: Library): number | null {
  const row = library.db.prepare('SELECT max(id) AS id FROM vintages').get() as { id: number | null } | undefined;
  return row?.id ?? null;
}
