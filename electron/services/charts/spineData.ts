import type Database from 'better-sqlite3';
import type { ChartDataResponse, ChartRef } from '../../../shared/api/charts';
import { AppError } from '../../../shared/api/errors';
import type { ChartData as QueryResult, ChartRow } from '../../../shared/api/library';
import { basketIndicatorIds, ENGLAND_CODE } from '../../../shared/charts/definition';
import { distributionOf } from '../../../shared/charts/kinds/spine/scale';
import type { SpineChartData, SpineRow } from '../../../shared/charts/kinds/spine/types';
import type { Comparison } from '../../../shared/library/comparison';
import type { Vintage } from '../../../shared/library/types';
import { areaTypeOf, valuesOfAreaType } from '../library/areaDistribution';
import { queryChart, resolveBreakdown } from '../library/query';

type Done = (vintages: (Vintage | null)[], data: SpineChartData) => ChartDataResponse;

const ENGLAND_ITSELF: Comparison = { label: 'Not compared', outcome: 'not-compared', source: 'none', method: null, benchmarkCode: null };

/**
 * A spine chart's data: for each indicator of the basket, the area's latest value (in the chosen
 * periods) with its comparison with England as the library holds it (the publisher's label, or
 * computed and said so), the parent's and England's values for that period, and the values of every
 * area of the same type for the bar.
 */
export function spineData(db: Database.Database, ref: ChartRef, done: Done): ChartDataResponse {
  const ids = basketIndicatorIds(ref);
  if (!ids.length) return { ok: false, message: 'Choose the indicators for this spine chart.' };
  if (!ref.areaCode) return { ok: false, message: 'Choose an area for this spine chart.' };
  const areaCode = ref.areaCode;
  const areaType = areaTypeOf(db, areaCode);
  const rows: SpineRow[] = [];
  const vintages: (Vintage | null)[] = [];
  const problems: string[] = [];
  let areaName = areaCode;
  let parentName: string | null = null;
  for (const id of ids) {
    let q: QueryResult;
    try {
      q = queryChart(db, { indicatorId: id, areaCodes: [areaCode], comparator: 'england' });
    } catch (e) {
      if (e instanceof AppError) {
        problems.push(e.message);
        continue;
      }
      throw e;
    }
    vintages.push(q.vintage);
    const s = q.series[0]!;
    areaName = s.areaName;
    const inRange = s.rows.filter((r) => (ref.periodFrom === null || r.periodSortable >= ref.periodFrom) && (ref.periodTo === null || r.periodSortable <= ref.periodTo));
    const shown = [...inRange].reverse().find((r) => r.value !== null) ?? inRange[inRange.length - 1] ?? null;
    const row = spineRow(db, q, id, areaCode, areaType, shown);
    if (row.parent) parentName ??= row.parent.name;
    rows.push(row);
  }
  if (!rows.length) return { ok: false, message: problems.join(' ') || 'None of the chosen indicators has data.' };
  return done(vintages, { area: { code: areaCode, name: areaName }, parentName, rows });
}

function spineRow(db: Database.Database, q: QueryResult, id: string, areaCode: string, areaType: string | null, shown: ChartRow | null): SpineRow {
  const base: SpineRow = {
    indicator: q.indicator,
    period: shown?.period ?? null,
    periodSortable: shown?.periodSortable ?? null,
    value: shown?.value ?? null,
    count: shown?.count ?? null,
    valueNote: shown?.valueNote ?? null,
    comparison: shown && areaCode !== ENGLAND_CODE ? shown.comparedEngland : ENGLAND_ITSELF,
    recentTrend: shown?.recentTrend ?? null,
    comparedParent: shown?.comparedParent ?? null,
    parent: null,
    england: null,
    distribution: null,
    areaType,
  };
  if (!shown) return { ...base, message: 'No data for this area' };
  const samePeriod = (r: { periodSortable: number; period: string }) => r.periodSortable === shown.periodSortable && r.period === shown.period;
  const england = q.comparators.find((c) => c.code === ENGLAND_CODE)?.rows.find(samePeriod)?.value ?? (areaCode === ENGLAND_CODE ? shown.value : null);
  const p = queryChart(db, { indicatorId: id, areaCodes: [areaCode], comparator: 'parent' }).comparators[0];
  const parent = p ? { code: p.code, name: p.name, value: p.rows.find(samePeriod)?.value ?? null } : null;
  if (!areaType) return { ...base, england, parent, message: 'The library does not know this area’s type' };
  const { seriesId } = resolveBreakdown(db, { indicatorId: id, areaCodes: [areaCode] });
  const distribution = distributionOf(valuesOfAreaType(db, seriesId, areaType, shown));
  return { ...base, england, parent, distribution, ...(distribution ? {} : { message: `No values for ${areaType} areas in ${shown.period}` }) };
}
