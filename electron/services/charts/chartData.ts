import type Database from 'better-sqlite3';
import type { ChartDataResponse, ChartRef } from '../../../shared/api/charts';
import { AppError } from '../../../shared/api/errors';
import type { ChartData as QueryResult, ChartRow as QueryRow, ComparatorSeries } from '../../../shared/api/library';
import { NOT_COMPARED } from '../../../shared/charts/comparisonLegend';
import { basketIndicatorIds, ENGLAND_CODE, PARENT_COMPARATOR } from '../../../shared/charts/definition';
import type { BasketChartData, BasketItem, ChartRow, Comparator, KindedChartData, SeriesChartData } from '../../../shared/charts/types';
import type { Vintage } from '../../../shared/library/types';
import { areasWithSameParent, hasNeighbours } from '../library/areaSets';
import { areaTypeOf } from '../library/areaDistribution';
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

/**
 * The library's rows as the chart builders take them, comparisons and trends exactly as the library
 * returns them (the publisher's label, or computed and said so). Nothing is recomputed here. A
 * comparator series (England's own values) carries no comparison: England is not compared with itself.
 */
function toValues(q: QueryResult, areaCode: string, areaName: string, rows: (QueryRow | ComparatorSeries['rows'][number])[]): ChartRow[] {
  return rows.map((r) => {
    const full = 'comparedEngland' in r ? r : null;
    return {
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
      count: full?.count ?? null,
      denominator: full?.denominator ?? null,
      valueNote: full?.valueNote ?? null,
      ciMethod: full?.ciMethod ?? null,
      lower998: full?.lower998 ?? null,
      upper998: full?.upper998 ?? null,
      comparedEngland: full && !(areaCode === ENGLAND_CODE && q.breakdown.categoryType === '') ? full.comparedEngland : NOT_COMPARED,
      comparedParent: full?.comparedParent ?? null,
      comparedGoal: full?.comparedGoal ?? null,
      recentTrend: full?.recentTrend ?? null,
    };
  });
}

function inRange(ref: ChartRef) {
  return (r: { periodSortable: number }) => (ref.periodFrom === null || r.periodSortable >= ref.periodFrom) && (ref.periodTo === null || r.periodSortable <= ref.periodTo);
}

function baseQuery(ref: ChartRef, indicatorId: string, areaCodes: string[], comparator = 'england'): ChartQuery {
  return { indicatorId, areaCodes, sex: opt(ref.sex), age: opt(ref.age), categoryType: opt(ref.categoryType), category: opt(ref.category), comparator };
}

function englandOf(q: QueryResult): ChartRow[] {
  const eng = q.comparators.find((c) => c.code === ENGLAND_CODE);
  if (eng) return toValues(q, eng.code, eng.name, eng.rows);
  const own = q.series.find((s) => s.areaCode === ENGLAND_CODE);
  return own ? toValues(q, own.areaCode, own.areaName, own.rows) : [];
}

/** The areas a compare chart draws beside the chosen one (its comparison set), or why it cannot. */
function compareAreas(db: Database.Database, ref: ChartRef, areaCode: string, chosen: string[]): string[] | string {
  if (ref.comparisonSet === 'neighbours') {
    if (!hasNeighbours(db, areaTypeOf(db, areaCode))) return 'The indicator library holds no statistical neighbours for this area type: choose “Areas in the same region” or pick the areas.';
    return [areaCode];
  }
  if (ref.comparisonSet === 'region') {
    const { codes } = areasWithSameParent(db, areaCode);
    if (!codes.length) return 'The indicator library does not say which region this area is in, so there are no areas of the same region to compare with.';
    return [areaCode, ...codes.filter((c) => c !== areaCode)].slice(0, 100);
  }
  return [areaCode, ...chosen];
}

function series(db: Database.Database, ref: ChartRef, kind: Exclude<ChartRef['kind'], 'basket' | 'spine'>): ChartDataResponse {
  if (!ref.indicatorId) return { ok: false, message: 'Choose an indicator for this chart.' };
  if (!ref.areaCode) return { ok: false, message: 'Choose an area for this chart.' };
  const indicatorId = ref.indicatorId;
  const areaCode = ref.areaCode;
  const chosen = ref.comparators.filter((c) => c !== ENGLAND_CODE && c !== PARENT_COMPARATOR);
  const set = ref.kind === 'compare' ? compareAreas(db, ref, areaCode, chosen) : [areaCode];
  if (typeof set === 'string') return { ok: false, message: set };
  const areaCodes = set;
  let rows: ChartRow[] = [];
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
  // England is the benchmark line on every compare chart (and a line on the others).
  if (england.length) comparators.push({ code: ENGLAND_CODE, name: 'England', rows: england });
  if (ref.comparators.includes(PARENT_COMPARATOR) && !(ref.kind === 'compare' && ref.comparisonSet === 'region')) {
    const parent = queryChart(db, baseQuery(ref, indicatorId, [areaCode], 'parent')).comparators[0];
    if (parent) {
      // The parent queried as an area, so that its own comparison with England comes as the library holds it.
      const p = queryChart(db, baseQuery(ref, indicatorId, [parent.code]));
      const s = p.series[0]!;
      comparators.push({ code: parent.code, name: parent.name, rows: toValues(p, s.areaCode, s.areaName, s.rows).filter(inRange(ref)) });
    }
  }
  const data: SeriesChartData = { indicator: q.indicator, rows, comparators };
  return done(ref, [q.vintage], { kind, data });
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
      // The stored comparison and recent trend of the latest row, as the library holds them.
      comparison: latest?.comparedEngland ?? NOT_COMPARED,
      trend: latest?.recentTrend ?? null,
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
