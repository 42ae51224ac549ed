import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Breakdown, IndicatorDetail, IndicatorSummary, LatestValue } from '../../../shared/api/library';
import type { ComparisonMethod } from '../../../shared/library/comparison';
import type { IndicatorMeta, Polarity, ValueType } from '../../../shared/library/types';
import { ENGLAND_CODE } from './areas';
import { prepared } from './prepared';
import { recomputeComputedCIs } from './recomputeCIs';
import { listVintages } from './vintages';
interface IndicatorDbRow {
  id: string;
  name: string;
  unit: string | null;
  polarity: Polarity | null;
  polarity_source: IndicatorMeta['polaritySource'];
  value_type: ValueType;
  multiplier: number | null;
  definition: string | null;
  source: string | null;
  illustrative: number;
  row_count: number;
  latest_period: string | null;
  comparison_method: ComparisonMethod | null;
  comparison_method_source: IndicatorMeta['comparisonMethodSource'];
  compute_for_estimates: number;
  goal: number | null;
}

const INDICATOR_COLUMNS =
  'id, name, unit, polarity, polarity_source, value_type, multiplier, definition, source, illustrative, row_count, latest_period, ' +
  'comparison_method, comparison_method_source, compute_for_estimates, goal';

function toMeta(r: IndicatorDbRow): IndicatorMeta {
  return {
    id: r.id,
    name: r.name,
    unit: r.unit,
    polarity: r.polarity,
    polaritySource: r.polarity_source,
    valueType: r.value_type,
    multiplier: r.multiplier,
    definition: r.definition,
    source: r.source,
    illustrative: r.illustrative === 1,
    comparisonMethod: r.comparison_method,
    comparisonMethodSource: r.comparison_method_source,
    computeForEstimates: r.compute_for_estimates === 1,
    goal: r.goal,
  };
}

function getRow(db: Database.Database, id: string): IndicatorDbRow {
  const row = prepared(db, `SELECT ${INDICATOR_COLUMNS} FROM indicators WHERE id = ?`).get(id) as IndicatorDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Indicator ${id} is not in the indicator library.`, { indicatorId: id });
  return row;
}

export function getIndicatorMeta(db: Database.Database, id: string): IndicatorMeta {
  return toMeta(getRow(db, id));
}

/** `%` and `_` are literal in a search, not wildcards. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Indicators by name or ID (every word of `search` must appear in one or the other), optionally only
 * those with values for an area. Sorted by name.
 */
export function listIndicators(db: Database.Database, opts: { search?: string | undefined; areaCode?: string | undefined } = {}): IndicatorSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const word of (opts.search ?? '').split(/\s+/).filter(Boolean)) {
    where.push(`(i.name LIKE ? ESCAPE '\\' OR i.id LIKE ? ESCAPE '\\')`);
    params.push(likePattern(word), likePattern(word));
  }
  if (opts.areaCode) {
    where.push(
      `EXISTS (SELECT 1 FROM series s JOIN indicator_values v ON v.series_id = s.id
               WHERE s.indicator_id = i.id AND v.area_id = (SELECT id FROM areas WHERE code = ?))`,
    );
    params.push(opts.areaCode);
  }
  const rows = db
    .prepare(`SELECT ${INDICATOR_COLUMNS} FROM indicators i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.name COLLATE NOCASE, i.id`)
    .all(...params) as IndicatorDbRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unit: r.unit,
    polarity: r.polarity,
    polaritySource: r.polarity_source,
    valueType: r.value_type,
    illustrative: r.illustrative === 1,
    rows: r.row_count,
    latestPeriod: r.latest_period,
  }));
}

export function listBreakdowns(db: Database.Database, indicatorId: string): (Breakdown & { seriesId: number })[] {
  return prepared(
    db,
    `SELECT id AS seriesId, sex, age, category_type AS categoryType, category FROM series WHERE indicator_id = ?
     ORDER BY category_type <> '', category_type, category, sex <> 'Persons', sex, age <> 'All ages', age`,
  ).all(indicatorId) as (Breakdown & { seriesId: number })[];
}

/** Metadata, breakdowns, vintages and the newest value (for `areaCode`, else England, else any area). */
export function getIndicatorDetail(db: Database.Database, id: string, areaCode?: string): IndicatorDetail {
  const row = getRow(db, id);
  const breakdowns = listBreakdowns(db, id);
  // The headline breakdown: persons, all ages, no category, where the indicator has it.
  const headline = breakdowns[0];
  let latest: LatestValue | null = null;
  if (headline) {
    const select = `SELECT a.code AS areaCode, a.name AS areaName, v.period, v.period_sortable AS periodSortable, v.value,
                      v.lower95 AS lowerCi95, v.upper95 AS upperCi95, v.value_note AS valueNote
                    FROM indicator_values v JOIN areas a ON a.id = v.area_id`;
    const forArea = prepared(db, `${select} WHERE v.series_id = ? AND a.code = ? ORDER BY v.period_sortable DESC, v.period DESC LIMIT 1`);
    const found =
      (areaCode ? forArea.get(headline.seriesId, areaCode) : undefined) ??
      forArea.get(headline.seriesId, ENGLAND_CODE) ??
      prepared(db, `${select} WHERE v.series_id = ? ORDER BY v.period_sortable DESC, a.code LIMIT 1`).get(headline.seriesId);
    if (found) {
      const { seriesId: _omit, ...breakdown } = headline;
      latest = { ...(found as Omit<LatestValue, 'breakdown'>), breakdown };
    }
  }
  return {
    meta: toMeta(row),
    rows: row.row_count,
    latestPeriod: row.latest_period,
    breakdowns: breakdowns.map(({ seriesId: _omit, ...b }) => b),
    latest,
    vintages: listVintages(db, id),
  };
}

export interface IndicatorPatch {
  id: string;
  polarity?: Polarity | null | undefined;
  unit?: string | null | undefined;
  definition?: string | null | undefined;
  source?: string | null | undefined;
  valueType?: ValueType | undefined;
  multiplier?: number | null | undefined;
  comparisonMethod?: ComparisonMethod | null | undefined;
  computeForEstimates?: boolean | undefined;
  goal?: number | null | undefined;
}

/**
 * The author's edits. A polarity set here is the author's ('author' wins over metadata files and
 * inference); edited unit, value type, multiplier, definition or source are no longer refreshed by
 * imports. A new value type or multiplier recomputes the CIs that were computed (not the file's).
 */
export function updateIndicator(db: Database.Database, patch: IndicatorPatch): IndicatorMeta {
  return db.transaction(() => {
    const row = getRow(db, patch.id);
    const next = { ...row };
    let metaEdited = false;
    if (patch.polarity !== undefined) {
      next.polarity = patch.polarity;
      next.polarity_source = patch.polarity === null ? null : 'author';
    }
    for (const key of ['unit', 'definition', 'source'] as const) {
      const v = patch[key];
      if (v !== undefined) {
        next[key] = v === null || v.trim() === '' ? null : v.trim();
        metaEdited = true;
      }
    }
    if (patch.valueType !== undefined) {
      next.value_type = patch.valueType;
      metaEdited = true;
      if (patch.valueType === 'proportion' && patch.multiplier === undefined && next.multiplier === null) next.multiplier = 100;
    }
    if (patch.multiplier !== undefined) {
      next.multiplier = patch.multiplier;
      metaEdited = true;
    }
    if (patch.comparisonMethod !== undefined) {
      next.comparison_method = patch.comparisonMethod;
      next.comparison_method_source = patch.comparisonMethod === null ? null : 'author';
    }
    if (patch.computeForEstimates !== undefined) next.compute_for_estimates = patch.computeForEstimates ? 1 : 0;
    if (patch.goal !== undefined) next.goal = patch.goal;
    if (next.value_type === 'rate' && next.multiplier === null) {
      throw new AppError('BAD_INPUT', `A rate needs a multiplier (e.g. 100000 for a rate per 100,000).`, { field: 'multiplier' });
    }
    // Saved with nothing different (the same values again, already the author's): the indicator, and its updated_at, stay as they were.
    const authorsMeta = () => prepared(db, 'SELECT meta_source FROM indicators WHERE id = ?').pluck().get(patch.id) === 'author';
    const unchanged = (Object.keys(row) as (keyof typeof row)[]).every((k) => next[k] === row[k]) && (!metaEdited || authorsMeta());
    if (unchanged) return toMeta(row);
    prepared(
      db,
      `UPDATE indicators SET polarity = ?, polarity_source = ?, unit = ?, definition = ?, source = ?, value_type = ?, multiplier = ?,
         comparison_method = ?, comparison_method_source = ?, compute_for_estimates = ?, goal = ?,
         meta_source = CASE WHEN ? THEN 'author' ELSE meta_source END, updated_at = ? WHERE id = ?`,
    ).run(
      next.polarity,
      next.polarity_source,
      next.unit,
      next.definition,
      next.source,
      next.value_type,
      next.multiplier,
      next.comparison_method,
      next.comparison_method_source,
      next.compute_for_estimates,
      next.goal,
      metaEdited ? 1 : 0,
      new Date().toISOString(),
      patch.id,
    );
    if (next.value_type !== row.value_type || next.multiplier !== row.multiplier) {
      recomputeComputedCIs(db, patch.id, next.value_type, next.multiplier);
    }
    return toMeta(getRow(db, patch.id));
  }).immediate();
}
