import type Database from 'better-sqlite3';
import type { IndicatorChange } from '../../../shared/api/library';
import type { Vintage } from '../../../shared/library/types';
import { computeCI } from '../../../shared/stats';
import type { TextFileFacts, TextFileToRead } from '../text/decodeText';
import { isEstimateOrAggregate } from './comparisonLabels';
import { FoldedInserts } from './foldedInserts';
import { ImportIndicators, type IndicatorState } from './importIndicators';
import { ImportKeys } from './importKeys';
import { LabelChecks } from './labelChecks';
import { lineError } from './lineError';
import type { ParsedRow } from './parsedRow';
import type { MetadataEntry } from './parseMetadata';
import { createStaging, insertStagedSql, insertValuesSql, mergeStaged, STAGED_COLUMNS, VALUE_COLUMNS } from './valueWriter';
import { dropVintage, insertVintage, isNewestVintageOfAll, recordVintageChanges, SHA256_PENDING, setVintageSha256 } from './vintages';

/**
 * Values go in this many rows to an INSERT statement: one call into SQLite per row was most of the
 * import's time on the main thread (measured: ~1.5× the insert rate at 16 rows a statement, and
 * ~13% less CPU again at 64 than at 16; 128 was no better).
 */
const VALUE_ROWS_PER_INSERT = 64;
const NCOL = STAGED_COLUMNS.length;
/** A row of a series new in this file goes straight into indicator_values (nothing to replace): the columns without the line. */
const NDIRECT = VALUE_COLUMNS.length;
/** Where a row's vintage id is among its parameters (either route). */
const VINTAGE_AT = VALUE_COLUMNS.indexOf('vintage_id');
type Route = 'direct' | 'staged';

function isSqliteError(e: unknown, code: string): boolean {
  return typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith(code);
}

/** One import call inside a transaction: files' rows staged, then merged file by file. */
export class ImportRun {
  readonly indicators = new Map<string, IndicatorState>();
  readonly keys: ImportKeys;
  readonly vintages: Vintage[] = [];
  readonly changes = new Map<string, IndicatorChange>();
  readonly labels = new LabelChecks();
  readonly ind: ImportIndicators;
  rows = 0;
  private fileIndex = -1;
  private file: TextFileFacts | TextFileToRead | null = null;
  private current: IndicatorState | null = null;
  private readonly importedAt: string;
  private readonly stmt;
  /** Rows checked but not yet staged (at most VALUE_ROWS_PER_INSERT), and their parameters. */
  private readonly pendingRows: ParsedRow[] = [];
  private readonly pendingParams: unknown[] = new Array(VALUE_ROWS_PER_INSERT * NCOL);
  private pendingRoute: Route = 'direct';
  /** Rows of this file written straight in, per vintage: how many and for which areas. */
  private readonly direct = new Map<number, { added: number; areas: Set<number> }>();

  constructor(
    private readonly db: Database.Database,
    metadata: Map<string, MetadataEntry>,
    now: Date,
    metadataByPublisher = false,
  ) {
    this.importedAt = now.toISOString();
    this.keys = new ImportKeys(db);
    this.ind = new ImportIndicators(db, metadata, this.importedAt, metadataByPublisher);
    createStaging(db);
    const key = 'WHERE series_id = ? AND area_id = ? AND period_sortable = ? AND period = ?';
    this.stmt = {
      staged: { one: db.prepare(insertStagedSql(1)), many: new FoldedInserts(db, 'temp.staged_values', STAGED_COLUMNS, VALUE_ROWS_PER_INSERT), get: db.prepare(`SELECT * FROM temp.staged_values ${key}`), width: NCOL },
      direct: { one: db.prepare(insertValuesSql(1)), many: new FoldedInserts(db, 'indicator_values', VALUE_COLUMNS, VALUE_ROWS_PER_INSERT), get: db.prepare(`SELECT * FROM indicator_values ${key}`), width: NDIRECT },
    };
  }

  /** True when this exact file is already the newest vintage of every indicator it gave. */
  isUnchanged(sha256: string): boolean {
    return isNewestVintageOfAll(this.db, sha256);
  }

  /** A file read once learns its sha256 only at its end ({@link endFile}). */
  startFile(facts: TextFileFacts | TextFileToRead): void {
    this.fileIndex++;
    this.file = facts;
    this.current = null;
  }

  private fileName(): string {
    return this.file!.name.split(/[\\/]/).pop()!;
  }

  private indicatorFor(r: ParsedRow, fingertips: boolean): IndicatorState {
    let st = this.indicators.get(r.indicatorId);
    if (!st) {
      st = this.ind.begin(r, fingertips);
      this.indicators.set(r.indicatorId, st);
    }
    if (st.vintageFile !== this.fileIndex) {
      const f = this.file!;
      const sha256 = 'sha256' in f ? f.sha256 : SHA256_PENDING;
      st.vintageId = insertVintage(this.db, { indicatorId: st.id, fileName: this.fileName(), sha256, format: fingertips ? 'fingertips' : 'tidy', importedAt: this.importedAt });
      st.vintageFile = this.fileIndex;
      st.vintageRows = 0;
    }
    return st;
  }

  addRow(r: ParsedRow, fingertips: boolean, givesCIs: boolean): void {
    try {
      this.stageRow(r, fingertips, givesCIs);
    } catch (e) {
      // A repeated row before this one is the first problem in file order.
      this.flushValues();
      throw e;
    }
    if (this.pendingRows.length === VALUE_ROWS_PER_INSERT) this.flushValues();
  }

  /** Writes (or stages) the pending rows: all in one statement, or one by one to name the row a statement refused. */
  flushValues(): void {
    const rows = this.pendingRows;
    const n = rows.length;
    if (n === 0) return;
    const params = this.pendingParams;
    const route = this.stmt[this.pendingRoute];
    const w = route.width;
    if (n === VALUE_ROWS_PER_INSERT) {
      try {
        route.many.run(params);
        rows.length = 0;
        return;
      } catch {
        // The statement's rows were undone; find the one at fault below.
      }
    }
    for (let i = 0; i < n; i++) {
      const own = params.slice(i * w, (i + 1) * w);
      try {
        route.one.run(own);
      } catch (e) {
        if (!isSqliteError(e, 'SQLITE_CONSTRAINT_PRIMARYKEY')) {
          rows.length = 0;
          throw e;
        }
        this.repeatedRow(rows[i]!, own, () => (rows.length = 0));
      }
    }
    rows.length = 0;
  }

  /**
   * A row with the key of an earlier row of the same file: the same values with other labels are a
   * contradiction kept as the earlier row has it and flagged; other values are an error.
   */
  private repeatedRow(r: ParsedRow, params: unknown[], clear: () => void): void {
    const earlier = this.stmt[this.pendingRoute].get.get(params[0], params[1], params[2], params[3]) as Record<string, unknown>;
    const labelCols = new Set(['compared_england', 'compared_parent', 'compared_goal', 'recent_trend']);
    const cols = STAGED_COLUMNS.slice(0, params.length);
    const sameValues = cols.every((c, k) => c === 'line' || labelCols.has(c) || earlier[c] === params[k]);
    const differing = cols.filter((c, k) => labelCols.has(c) && earlier[c] !== params[k]);
    if (sameValues && differing.length > 0) {
      const details = differing.map((c) => `${c}: ${JSON.stringify(earlier[c])} there, ${JSON.stringify(params[cols.indexOf(c)])} here`);
      this.labels.contradiction(this.file!.name, r.line, (earlier.line as number | undefined) ?? null, details);
      // Not written: a row written straight in was counted as added when it was staged (stageRow).
      if (this.pendingRoute === 'direct') this.direct.get(params[VINTAGE_AT] as number)!.added--;
      return;
    }
    clear();
    const breakdown = [r.sex, r.age, r.categoryType, r.category].filter(Boolean).join(', ');
    throw lineError(this.file!.name, r.line, `this row repeats an earlier one: indicator ${r.indicatorId}, area ${r.areaCode}, ${breakdown}, period ${JSON.stringify(r.period)}.`);
  }

  /** Checks a row and settles its indicator, series, area and CI; its values wait in the pending rows. */
  private stageRow(r: ParsedRow, fingertips: boolean, givesCIs: boolean): void {
    const file = this.file!;
    let ind = this.current;
    if (ind === null || ind.id !== r.indicatorId || ind.vintageFile !== this.fileIndex) {
      if (r.indicatorId.length > 100) throw lineError(file.name, r.line, 'the indicator ID is longer than 100 characters.');
      ind = this.indicatorFor(r, fingertips);
      this.current = ind;
    }
    const seriesId = this.keys.seriesFor(ind.id, r);
    const areaId = this.keys.areaFor(r, file.name);
    const route: Route = this.keys.freshSeries.has(seriesId) ? 'direct' : 'staged';
    if (route !== this.pendingRoute) {
      this.flushValues();
      this.pendingRoute = route;
    }
    if (route === 'direct') {
      let d = this.direct.get(ind.vintageId);
      if (!d) this.direct.set(ind.vintageId, (d = { added: 0, areas: new Set() }));
      d.added++;
      d.areas.add(areaId);
    }
    this.labels.check(file.name, r);
    let lower = r.lower95;
    let upper = r.upper95;
    let method: string | null = null;
    if (lower !== null && upper !== null) {
      method = 'file';
    } else {
      lower = upper = null;
      // No invented precision: a value the file gives without a CI (it has the column), a modelled
      // estimate or an aggregate gets none computed unless the metadata asks (compute_for_estimates).
      const mayCompute = ind.computeForEstimates || (!givesCIs && !isEstimateOrAggregate(r.valueNote));
      if (mayCompute && r.value !== null && r.count !== null) {
        let ci;
        try {
          ci = computeCI(ind.valueType, r.count, r.denominator, ind.multiplier);
        } catch (e) {
          throw lineError(file.name, r.line, `no confidence interval can be computed: ${(e as Error).message}.`);
        }
        if (ci) {
          lower = ci.lower;
          upper = ci.upper;
          method = ci.method;
        }
      }
    }
    const p = this.pendingParams;
    const w = route === 'direct' ? NDIRECT : NCOL;
    const o = this.pendingRows.push(r) * w - w;
    p[o] = seriesId;
    p[o + 1] = areaId;
    p[o + 2] = r.periodSortable;
    p[o + 3] = r.period;
    p[o + 4] = r.value;
    p[o + 5] = lower;
    p[o + 6] = upper;
    p[o + 7] = r.lower998;
    p[o + 8] = r.upper998;
    p[o + 9] = r.count;
    p[o + 10] = r.denominator;
    p[o + 11] = r.valueNote;
    p[o + 12] = method;
    p[o + 13] = r.comparedEngland;
    p[o + 14] = r.comparedParent;
    p[o + 15] = r.comparedGoal;
    p[o + 16] = r.recentTrend;
    p[o + 17] = ind.vintageId;
    if (route === 'staged') p[o + 18] = r.line;
    this.rows++;
    ind.vintageRows++;
    if (r.periodSortable > ind.latestSortable) {
      ind.latestSortable = r.periodSortable;
      ind.latestPeriod = r.period;
    }
  }

  /** Merges the file's rows into the library: each replaces only the stored row with its key. */
  endFile(read: TextFileFacts): void {
    this.flushValues();
    this.file = read;
    const ids = [...this.indicators.values()].filter((st) => st.vintageFile === this.fileIndex).map((st) => st.vintageId);
    setVintageSha256(this.db, ids, read.sha256);
    const { changes, pairs } = mergeStaged(this.db);
    const byVintage = new Map(changes.map((c) => [c.vintageId, { ...c }]));
    for (const [vintageId, d] of this.direct) {
      const c = byVintage.get(vintageId) ?? { vintageId, added: 0, updated: 0, unchanged: 0 };
      c.added += d.added;
      byVintage.set(vintageId, c);
      for (const id of d.areas) pairs.push({ vintageId, areaCode: this.keys.codeOf.get(id)! });
    }
    this.direct.clear();
    // A later file of this import may replace this one's rows: they are stored rows now.
    this.keys.freshSeries.clear();
    for (const st of this.indicators.values()) {
      if (st.vintageFile !== this.fileIndex) continue;
      const c = byVintage.get(st.vintageId) ?? { added: 0, updated: 0, unchanged: 0 };
      const total = this.changes.get(st.id) ?? { indicatorId: st.id, added: 0, updated: 0, unchanged: 0, changedAreas: [] };
      total.added += c.added;
      total.updated += c.updated;
      total.unchanged += c.unchanged;
      const areas = new Set(total.changedAreas);
      for (const p of pairs) if (p.vintageId === st.vintageId) areas.add(p.areaCode);
      total.changedAreas = [...areas].sort();
      this.changes.set(st.id, total);
      if (c.added + c.updated === 0) {
        dropVintage(this.db, st.vintageId);
        continue;
      }
      recordVintageChanges(this.db, st.vintageId, st.vintageRows, c.added, c.updated);
      this.vintages.push({ id: st.vintageId, indicatorId: st.id, fileName: this.fileName(), sha256: read.sha256, importedAt: this.importedAt, rows: st.vintageRows });
    }
  }

  /** Row counts and latest periods for the list of indicators; breakdowns left without values dropped. */
  finish(): void {
    const dropEmptySeries = this.db.prepare(
      'DELETE FROM series WHERE indicator_id = ? AND NOT EXISTS (SELECT 1 FROM indicator_values v WHERE v.series_id = series.id)',
    );
    // Kept up as they go (a value is never removed, so the count only grows): no pass over the values.
    const setStats = this.db.prepare(
      `UPDATE indicators SET row_count = row_count + @added,
         latest_period = CASE WHEN latest_period_sortable IS NULL OR @sortable > latest_period_sortable THEN @period ELSE latest_period END,
         latest_period_sortable = max(coalesce(latest_period_sortable, @sortable), @sortable)
       WHERE id = @id`,
    );
    for (const st of this.indicators.values()) {
      const added = this.changes.get(st.id)?.added ?? 0;
      if (st.latestPeriod !== null) setStats.run({ id: st.id, added, sortable: st.latestSortable, period: st.latestPeriod });
      dropEmptySeries.run(st.id);
    }
    this.ind.markUpdated((id) => {
      const c = this.changes.get(id);
      return c !== undefined && c.added + c.updated > 0;
    });
    if (this.vintages.length > 0) {
      this.db
        .prepare("INSERT INTO library_meta (key, value) VALUES ('last_import_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(this.importedAt);
    }
  }
}
