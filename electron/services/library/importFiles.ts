import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ImportSummary } from '../../../shared/api/library';
import type { ValueType, Vintage } from '../../../shared/library/types';
import { computeCI, inferPolarity } from '../../../shared/stats';
import { ENGLAND_CODE } from './areas';
import { inspectTextFile, type TextFileFacts } from '../text/decodeText';
import { inferValueType } from './inferValueType';
import { lineError } from './lineError';
import { openLibrary } from './openLibrary';
import type { ParsedRow } from './parsedRow';
import { type MetadataEntry, readMetadataFile } from './parseMetadata';
import { type DataFormat, readDataFile, type RowSink } from './readDataFile';
import { recomputeComputedCIs } from './recomputeCIs';
import { importWorkerPath, readDataFileInWorker, WorkerUnavailable } from './workerImport';

export type { DataFormat } from './readDataFile';

export const FINGERTIPS_SOURCE = 'OHID Fingertips (fingertips.phe.org.uk), Open Government Licence v3.0';

export interface ImportProgress {
  label: string;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Default: worked out from each file's header. */
  format?: DataFormat;
  metadataPath?: string;
  /** How to name a file in messages and vintages when not by its path (a file sent from a page). */
  names?: ReadonlyMap<string, string>;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  now?: () => Date;
  /** The import worker's path, or false to read on this thread; default: the bundled worker, if any. */
  worker?: string | false;
}

interface IndicatorState {
  id: string;
  valueType: ValueType;
  multiplier: number | null;
  /** The vintage of the file being read, and which file that is. */
  vintageId: number;
  vintageFile: number;
  vintageRows: number;
  rows: number;
  latestSortable: number;
  latestPeriod: string | null;
  fingertips: boolean;
}

interface AreaState {
  id: number;
  name: string;
  areaType: string | null;
  parentCode: string | null;
}

interface IndicatorRow {
  id: string;
  name: string;
  unit: string | null;
  value_type: ValueType;
  multiplier: number | null;
  definition: string | null;
  source: string | null;
  polarity: string | null;
  polarity_source: string | null;
  meta_source: 'file' | 'metadata' | 'author';
}

const MAX_POLARITY_OBSERVATIONS = 2_000;
/**
 * Values go in this many rows to an INSERT statement: one call into SQLite per row was most of the
 * import's time on the main thread (measured: ~1.5× the insert rate at 16 rows a statement).
 */
const VALUE_ROWS_PER_INSERT = 16;
const VALUE_COLUMNS = 16;
/** Progress is reported at most once per this many bytes read (chunks are ~32 KB). */
const PROGRESS_BYTES = 1 << 20;

function isSqliteError(e: unknown, code: string): boolean {
  return typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith(code);
}

/** Does one import call inside a transaction; see {@link importFiles}. */
class ImportRun {
  readonly indicators = new Map<string, IndicatorState>();
  private readonly areas = new Map<string, AreaState>();
  private readonly seriesIds = new Map<string, number>();
  readonly areasSeen = new Set<string>();
  readonly vintages: Vintage[] = [];
  rows = 0;
  private fileIndex = -1;
  private file: TextFileFacts | null = null;
  private current: IndicatorState | null = null;
  private readonly importedAt: string;
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly metadata: Map<string, MetadataEntry>,
    now: Date,
  ) {
    this.importedAt = now.toISOString();
    this.stmt = {
      getIndicator: db.prepare('SELECT id, name, unit, value_type, multiplier, definition, source, polarity, polarity_source, meta_source FROM indicators WHERE id = ?'),
      insertIndicator: db.prepare(
        `INSERT INTO indicators (id, name, unit, value_type, multiplier, definition, source, meta_source, updated_at)
         VALUES (@id, @name, @unit, @value_type, @multiplier, @definition, @source, @meta_source, @updated_at)`,
      ),
      updateIndicator: db.prepare(
        `UPDATE indicators SET name = @name, unit = @unit, value_type = @value_type, multiplier = @multiplier,
           definition = @definition, source = @source, meta_source = @meta_source, updated_at = @updated_at WHERE id = @id`,
      ),
      deleteValues: db.prepare('DELETE FROM indicator_values WHERE series_id IN (SELECT id FROM series WHERE indicator_id = ?)'),
      insertVintage: db.prepare(
        'INSERT INTO vintages (indicator_id, file_name, sha256, format, imported_at, rows) VALUES (?, ?, ?, ?, ?, 0) RETURNING id',
      ),
      setVintageRows: db.prepare('UPDATE vintages SET rows = ? WHERE id = ?'),
      getSeries: db.prepare('SELECT id FROM series WHERE indicator_id = ? AND sex = ? AND age = ? AND category_type = ? AND category = ?'),
      insertSeries: db.prepare('INSERT INTO series (indicator_id, sex, age, category_type, category) VALUES (?, ?, ?, ?, ?) RETURNING id'),
      getArea: db.prepare('SELECT id, name, area_type AS areaType, parent_code AS parentCode FROM areas WHERE code = ?'),
      insertArea: db.prepare('INSERT INTO areas (code, name, area_type, parent_code) VALUES (?, ?, ?, ?) RETURNING id'),
      updateArea: db.prepare('UPDATE areas SET name = ?, area_type = ?, parent_code = ? WHERE id = ?'),
      insertValue: db.prepare(insertValuesSql(1)),
      insertValues: db.prepare(insertValuesSql(VALUE_ROWS_PER_INSERT)),
    };
  }

  /** True when this exact file is already the newest vintage of every indicator it gave. */
  isUnchanged(sha256: string): boolean {
    const rows = this.db
      .prepare(
        `SELECT v.indicator_id AS indicatorId, v.id = (SELECT max(id) FROM vintages w WHERE w.indicator_id = v.indicator_id) AS latest
         FROM vintages v WHERE v.sha256 = ?`,
      )
      .all(sha256) as { indicatorId: string; latest: number }[];
    if (rows.length === 0) return false;
    const latestFor = new Map<string, boolean>();
    for (const r of rows) latestFor.set(r.indicatorId, (latestFor.get(r.indicatorId) ?? false) || r.latest === 1);
    return [...latestFor.values()].every(Boolean);
  }

  startFile(facts: TextFileFacts): void {
    this.fileIndex++;
    this.file = facts;
    this.current = null;
  }

  private indicatorFor(r: ParsedRow, fingertips: boolean): IndicatorState {
    let st = this.indicators.get(r.indicatorId);
    if (!st) {
      st = this.beginIndicator(r, fingertips);
      this.indicators.set(r.indicatorId, st);
    }
    if (st.vintageFile !== this.fileIndex) {
      const file = this.file!;
      st.vintageId = (this.stmt.insertVintage.get(st.id, file.name.split(/[\\/]/).pop()!, file.sha256, fingertips ? 'fingertips' : 'tidy', this.importedAt) as { id: number }).id;
      st.vintageFile = this.fileIndex;
      st.vintageRows = 0;
    }
    return st;
  }

  /** First row of an indicator in this import: its metadata settled, its old values dropped. */
  private beginIndicator(r: ParsedRow, fingertips: boolean): IndicatorState {
    const existing = this.stmt.getIndicator.get(r.indicatorId) as IndicatorRow | undefined;
    const inferred = inferValueType(r.unit ?? r.indicatorName);
    const next: IndicatorRow =
      existing && existing.meta_source !== 'file'
        ? { ...existing, name: r.indicatorName }
        : {
            id: r.indicatorId,
            name: r.indicatorName,
            unit: r.unit ?? inferred.unit,
            value_type: inferred.valueType,
            multiplier: inferred.multiplier,
            definition: existing?.definition ?? null,
            source: existing?.source ?? null,
            polarity: existing?.polarity ?? null,
            polarity_source: existing?.polarity_source ?? null,
            meta_source: 'file',
          };
    const meta = this.metadata.get(r.indicatorId);
    if (meta && next.meta_source !== 'author') applyMetaFields(next, meta);
    if (fingertips && next.source === null) next.source = FINGERTIPS_SOURCE;
    const params = {
      id: next.id,
      name: next.name,
      unit: next.unit,
      value_type: next.value_type,
      multiplier: next.multiplier,
      definition: next.definition,
      source: next.source,
      meta_source: next.meta_source,
      updated_at: this.importedAt,
    };
    if (existing) {
      this.stmt.updateIndicator.run(params);
      this.stmt.deleteValues.run(r.indicatorId);
    } else {
      this.stmt.insertIndicator.run(params);
    }
    return {
      id: r.indicatorId,
      valueType: next.value_type,
      multiplier: next.multiplier,
      vintageId: 0,
      vintageFile: -1,
      vintageRows: 0,
      rows: 0,
      latestSortable: -Infinity,
      latestPeriod: null,
      fingertips,
    };
  }

  private lastSeries: { indicatorId: string; sex: string; age: string; categoryType: string; category: string; id: number } | null = null;

  private seriesFor(indicatorId: string, r: ParsedRow): number {
    const last = this.lastSeries;
    if (last && last.indicatorId === indicatorId && last.sex === r.sex && last.age === r.age && last.categoryType === r.categoryType && last.category === r.category) {
      return last.id;
    }
    const id = this.lookUpSeries(indicatorId, r);
    this.lastSeries = { indicatorId, sex: r.sex, age: r.age, categoryType: r.categoryType, category: r.category, id };
    return id;
  }

  private lookUpSeries(indicatorId: string, r: ParsedRow): number {
    const key = `${indicatorId}\u0001${r.sex}\u0001${r.age}\u0001${r.categoryType}\u0001${r.category}`;
    let id = this.seriesIds.get(key);
    if (id === undefined) {
      const found = this.stmt.getSeries.get(indicatorId, r.sex, r.age, r.categoryType, r.category) as { id: number } | undefined;
      id = found ? found.id : (this.stmt.insertSeries.get(indicatorId, r.sex, r.age, r.categoryType, r.category) as { id: number }).id;
      this.seriesIds.set(key, id);
    }
    return id;
  }

  private areaFor(r: ParsedRow): number {
    let a = this.areas.get(r.areaCode);
    if (!a) {
      if (r.areaCode.length > 50) throw lineError(this.file!.name, r.line, `the area code ${JSON.stringify(r.areaCode)} is longer than 50 characters.`);
      a = this.stmt.getArea.get(r.areaCode) as AreaState | undefined;
      if (!a) {
        const id = (this.stmt.insertArea.get(r.areaCode, r.areaName, r.areaType, r.parentCode) as { id: number }).id;
        a = { id, name: r.areaName, areaType: r.areaType, parentCode: r.parentCode };
      }
      this.areas.set(r.areaCode, a);
      this.areasSeen.add(r.areaCode);
    }
    // The latest file names the area; an empty type or parent does not erase a known one.
    if (a.name !== r.areaName || (r.areaType !== null && a.areaType !== r.areaType) || (r.parentCode !== null && a.parentCode !== r.parentCode)) {
      a.name = r.areaName;
      a.areaType = r.areaType ?? a.areaType;
      a.parentCode = r.parentCode ?? a.parentCode;
      this.stmt.updateArea.run(a.name, a.areaType, a.parentCode, a.id);
    }
    return a.id;
  }

  /** Rows checked but not yet written (at most VALUE_ROWS_PER_INSERT), and their parameters. */
  private readonly pendingRows: ParsedRow[] = [];
  private readonly pendingParams: unknown[] = new Array(VALUE_ROWS_PER_INSERT * VALUE_COLUMNS);

  addRow(r: ParsedRow, fingertips: boolean): void {
    try {
      this.stageRow(r, fingertips);
    } catch (e) {
      // A repeated row before this one is the first problem in file order.
      this.flushValues();
      throw e;
    }
    if (this.pendingRows.length === VALUE_ROWS_PER_INSERT) this.flushValues();
  }

  /** Writes the pending rows: all in one statement, or one by one to name the row a statement refused. */
  flushValues(): void {
    const rows = this.pendingRows;
    const n = rows.length;
    if (n === 0) return;
    const params = this.pendingParams;
    if (n === VALUE_ROWS_PER_INSERT) {
      try {
        this.stmt.insertValues.run(params);
        rows.length = 0;
        return;
      } catch {
        // The statement's rows were undone; find the one at fault below.
      }
    }
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      try {
        this.stmt.insertValue.run(params.slice(i * VALUE_COLUMNS, (i + 1) * VALUE_COLUMNS));
      } catch (e) {
        rows.length = 0;
        if (isSqliteError(e, 'SQLITE_CONSTRAINT_PRIMARYKEY')) {
          const breakdown = [r.sex, r.age, r.categoryType, r.category].filter(Boolean).join(', ');
          throw lineError(
            this.file!.name,
            r.line,
            `this row repeats an earlier one: indicator ${r.indicatorId}, area ${r.areaCode}, ${breakdown}, period ${JSON.stringify(r.period)}.`,
          );
        }
        throw e;
      }
    }
    rows.length = 0;
  }

  /** Checks a row and settles its indicator, series, area and CI; its values wait in the pending rows. */
  private stageRow(r: ParsedRow, fingertips: boolean): void {
    const file = this.file!;
    let ind = this.current;
    if (ind === null || ind.id !== r.indicatorId || ind.vintageFile !== this.fileIndex) {
      if (r.indicatorId.length > 100) throw lineError(file.name, r.line, 'the indicator ID is longer than 100 characters.');
      ind = this.indicatorFor(r, fingertips);
      this.current = ind;
    }
    const seriesId = this.seriesFor(ind.id, r);
    const areaId = this.areaFor(r);
    let lower = r.lower95;
    let upper = r.upper95;
    let method: string | null = null;
    if (lower !== null && upper !== null) {
      method = 'file';
    } else {
      lower = upper = null;
      if (r.value !== null && r.count !== null) {
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
    const o = this.pendingRows.push(r) * VALUE_COLUMNS - VALUE_COLUMNS;
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
    p[o + 15] = ind.vintageId;
    this.rows++;
    ind.rows++;
    ind.vintageRows++;
    if (r.periodSortable > ind.latestSortable) {
      ind.latestSortable = r.periodSortable;
      ind.latestPeriod = r.period;
    }
  }

  endFile(): void {
    this.flushValues();
    for (const st of this.indicators.values()) {
      if (st.vintageFile === this.fileIndex) {
        this.stmt.setVintageRows.run(st.vintageRows, st.vintageId);
        this.vintages.push({
          id: st.vintageId,
          indicatorId: st.id,
          fileName: this.file!.name.split(/[\\/]/).pop()!,
          sha256: this.file!.sha256,
          importedAt: this.importedAt,
          rows: st.vintageRows,
        });
      }
    }
  }

  /** Applies the metadata file to every indicator it names; returns how many. */
  applyMetadata(metaFile: string): number {
    const db = this.db;
    for (const entry of this.metadata.values()) {
      const existing = this.stmt.getIndicator.get(entry.indicatorId) as IndicatorRow | undefined;
      if (!existing) {
        throw lineError(metaFile, entry.line, `indicator ${entry.indicatorId} is neither in the library nor in the files imported with this metadata.`);
      }
      const next: IndicatorRow = { ...existing };
      if (existing.meta_source !== 'author') applyMetaFields(next, entry);
      if (entry.polarity !== undefined && existing.polarity_source !== 'author') {
        next.polarity = entry.polarity;
        next.polarity_source = 'metadata';
      }
      db.prepare(
        `UPDATE indicators SET unit = ?, value_type = ?, multiplier = ?, definition = ?, source = ?, meta_source = ?,
           polarity = ?, polarity_source = ?, illustrative = coalesce(?, illustrative), updated_at = ? WHERE id = ?`,
      ).run(
        next.unit,
        next.value_type,
        next.multiplier,
        next.definition,
        next.source,
        next.meta_source,
        next.polarity,
        next.polarity_source,
        entry.illustrative === undefined ? null : entry.illustrative ? 1 : 0,
        this.importedAt,
        entry.indicatorId,
      );
      // Values imported earlier had their CIs computed for the old value type.
      if (!this.indicators.has(entry.indicatorId) && (next.value_type !== existing.value_type || next.multiplier !== existing.multiplier)) {
        recomputeComputedCIs(db, entry.indicatorId, next.value_type, next.multiplier);
      }
    }
    return this.metadata.size;
  }

  /** Polarity from the Fingertips files' own "Compared to England" labels, where nobody has set it. */
  inferPolarities(): void {
    const england = this.db.prepare('SELECT id FROM areas WHERE code = ?').get(ENGLAND_CODE) as { id: number } | undefined;
    if (!england) return;
    const observations = this.db.prepare(
      `SELECT v.value AS value, e.value AS benchmark, v.compared_england AS label
       FROM series s
       JOIN indicator_values v ON v.series_id = s.id
       JOIN indicator_values e ON e.series_id = s.id AND e.area_id = ? AND e.period_sortable = v.period_sortable AND e.period = v.period
       WHERE s.indicator_id = ? AND v.area_id <> e.area_id AND v.compared_england IS NOT NULL
         AND v.compared_england NOT IN ('Similar', 'Not compared')
       LIMIT ${MAX_POLARITY_OBSERVATIONS}`,
    );
    const setPolarity = this.db.prepare(
      `UPDATE indicators SET polarity = ?, polarity_source = 'inferred' WHERE id = ? AND (polarity_source IS NULL OR polarity_source = 'inferred')`,
    );
    for (const st of this.indicators.values()) {
      if (!st.fingertips) continue;
      const polarity = inferPolarity(observations.all(england.id, st.id) as { value: number | null; benchmark: number | null; label: string }[]);
      if (polarity) setPolarity.run(polarity, st.id);
    }
  }

  /** Row counts and latest periods for the list of indicators; breakdowns left without values dropped. */
  finish(): void {
    const setStats = this.db.prepare('UPDATE indicators SET row_count = ?, latest_period = ?, latest_period_sortable = ? WHERE id = ?');
    const dropEmptySeries = this.db.prepare(
      'DELETE FROM series WHERE indicator_id = ? AND NOT EXISTS (SELECT 1 FROM indicator_values v WHERE v.series_id = series.id)',
    );
    for (const st of this.indicators.values()) {
      setStats.run(st.rows, st.latestPeriod, Number.isFinite(st.latestSortable) ? st.latestSortable : null, st.id);
      dropEmptySeries.run(st.id);
    }
    this.db
      .prepare("INSERT INTO library_meta (key, value) VALUES ('last_import_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(this.importedAt);
  }
}

function insertValuesSql(rows: number): string {
  const row = `(${new Array(VALUE_COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO indicator_values (series_id, area_id, period_sortable, period, value, lower95, upper95, lower998, upper998,
    count, denominator, value_note, ci_method, compared_england, compared_parent, vintage_id)
    VALUES ${new Array(rows).fill(row).join(', ')}`;
}

/** Metadata-file fields onto an indicator row (empty cells were left out of the entry). */
function applyMetaFields(row: IndicatorRow, meta: MetadataEntry): void {
  let touched = false;
  if (meta.unit !== undefined) {
    row.unit = meta.unit;
    touched = true;
  }
  if (meta.valueType !== undefined) {
    row.value_type = meta.valueType;
    row.multiplier = meta.multiplier ?? null;
    touched = true;
  } else if (meta.multiplier !== undefined) {
    row.multiplier = meta.multiplier;
    touched = true;
  }
  if (meta.definition !== undefined) {
    row.definition = meta.definition;
    touched = true;
  }
  if (meta.source !== undefined) {
    row.source = meta.source;
    touched = true;
  }
  if (touched) row.meta_source = 'metadata';
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The import was cancelled; the library is unchanged.');
}

/**
 * Imports data files (and optionally a metadata CSV) into an open library, all in one transaction:
 * every file is imported, or — on the first bad row, a cancel or any failure — none is and the
 * library is exactly as it was. A file for an indicator already in the library replaces all of that
 * indicator's values and records a new vintage; the very same file (same sha256) as an indicator's
 * newest vintage is skipped.
 */
export async function importFiles(db: Database.Database, paths: string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const now = (opts.now ?? (() => new Date()))();
  const files: TextFileFacts[] = [];
  for (const p of paths) {
    if (opts.signal?.aborted) throw cancelled();
    files.push(await inspectTextFile(p, opts.names?.get(p) ?? p));
  }
  const metadata = opts.metadataPath ? await readMetadataFile(opts.metadataPath, opts.names?.get(opts.metadataPath) ?? opts.metadataPath) : null;
  const total = files.reduce((n, f) => n + f.size, 0);
  let doneBefore = 0;

  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  // 128 MB: inserts land all over the clustered index, and a cache smaller than the table spills
  // pages to the WAL and reads them back on every pass over it (a 1M-row import: ~85 MB, ~20% faster
  // than with 32 MB). Pages are only allocated as used; the import's peak RSS stays well under 300 MB.
  db.pragma('cache_size = -131072');
  try {
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      if (isSqliteError(e, 'SQLITE_BUSY')) {
        throw new AppError('LOCKED', 'The indicator library is busy (another import is running?). Try again when it has finished.');
      }
      throw e;
    }
    try {
      const run = new ImportRun(db, metadata?.entries ?? new Map(), now);
      const unchangedFiles: string[] = [];
      for (const facts of files) {
        const label = `Importing ${facts.name.split(/[\\/]/).pop()}`;
        if (run.isUnchanged(facts.sha256)) {
          unchangedFiles.push(facts.name);
          doneBefore += facts.size;
          opts.onProgress?.({ label, done: doneBefore, total });
          continue;
        }
        run.startFile(facts);
        opts.onProgress?.({ label, done: doneBefore, total });
        let bytes = 0;
        const sink: RowSink = (rows, fingertips, bytesRead) => {
          for (let i = 0; i < rows.length; i++) run.addRow(rows[i]!, fingertips);
          run.flushValues();
          bytes = bytesRead;
        };
        let reported = 0;
        const afterChunk = () => {
          if (opts.signal?.aborted) throw cancelled();
          if (bytes - reported >= PROGRESS_BYTES) {
            reported = bytes;
            opts.onProgress?.({ label, done: doneBefore + bytes, total });
          }
        };
        const worker = importWorkerPath(opts.worker);
        try {
          if (!worker) await readDataFile(facts, opts.format, sink, afterChunk);
          else await readDataFileInWorker(worker, facts, opts.format, sink, afterChunk);
        } catch (e) {
          if (!(e instanceof WorkerUnavailable)) throw e;
          await readDataFile(facts, opts.format, sink, afterChunk);
        }
        run.endFile();
        doneBefore += facts.size;
        opts.onProgress?.({ label, done: doneBefore, total });
      }
      const metadataIndicators = metadata ? run.applyMetadata(metadata.facts.name) : 0;
      run.inferPolarities();
      run.finish();
      if (opts.signal?.aborted) throw cancelled();
      db.exec('COMMIT');
      return {
        rows: run.rows,
        indicators: run.indicators.size,
        areas: run.areasSeen.size,
        vintages: run.vintages,
        unchangedFiles,
        metadataIndicators,
      };
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  } finally {
    db.pragma(`cache_size = ${previousCache}`);
  }
}

/**
 * Imports into the library at `libraryPath` on a connection of its own (so readers of the library
 * keep seeing the last committed state until this commits), creating the library if it is missing —
 * and removing it again if that import fails, so a failed import leaves nothing behind.
 */
export async function importToPath(
  libraryPath: string,
  paths: string[],
  opts: ImportOptions & { createFolder?: boolean } = {},
): Promise<ImportSummary> {
  const path = resolve(libraryPath);
  const existed = existsSync(path);
  const library = openLibrary(path, { createFolder: opts.createFolder ?? false });
  let ok = false;
  try {
    const summary = await importFiles(library.db, paths, opts);
    ok = true;
    return summary;
  } finally {
    library.close();
    if (!ok && !existed) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  }
}
