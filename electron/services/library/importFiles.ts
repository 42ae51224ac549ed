import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ImportSummary } from '../../../shared/api/library';
import { inspectTextFile, statTextFile, type TextFileFacts, type TextFileToRead } from '../text/decodeText';
import { whenWritten } from '../text/growingFile';
import { ReadAgainKnowingEncoding } from '../text/readTextOnce';
import { inferComparisonMethods } from './inferMethod';
import { ImportRun } from './importRun';
import { buildNewLibrary, openLibrary } from './openLibrary';
import { type MetadataEntry, readMetadataFile } from './parseMetadata';
import { type DataFormat, readDataFile, type RowSink } from './readDataFile';
import { dropStaging } from './valueWriter';
import { hasVintages, newestOfAllSha256s } from './vintages';
import { importWorkerPath, readDataFileInWorker, WorkerUnavailable } from './workerImport';

export type { DataFormat } from './readDataFile';

export { FINGERTIPS_SOURCE } from './importIndicators';

export interface ImportProgress {
  label: string;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Default: worked out from each file's header. */
  format?: DataFormat;
  metadataPath?: string;
  /**
   * A metadata file still being made (a Fingertips fetch asking for it), or null when there is none:
   * the data files are read meanwhile and their rows wait for it. Instead of metadataPath.
   */
  metadataLater?: Promise<string | null>;
  /** The metadata file is the publisher's (a Fingertips fetch), not the analyst's: it never replaces what the analyst set (their metadata file, their edits). */
  metadataByPublisher?: boolean;
  /** How to name a file in messages and vintages when not by its path (a file sent from a page). */
  names?: ReadonlyMap<string, string>;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  now?: () => Date;
  /** The import worker's path, or false to read on this thread; default: the bundled worker, if any. */
  worker?: string | false;
  /** Do everything, report what it would change, then roll it all back (the preview). */
  dryRun?: boolean;
  /** Written in the import's own transaction just before it commits (e.g. which Fingertips requests were fetched). */
  beforeCommit?: (db: Database.Database, now: Date) => void;
  /** Files still being written (downloads, text/growingFile.ts), by path: read as they grow. */
  growing?: ReadonlyMap<string, SharedArrayBuffer>;
}

/** Progress is reported at most once per this many bytes read (chunks are ~32 KB). */
const PROGRESS_BYTES = 1 << 20;

function isSqliteError(e: unknown, code: string): boolean {
  return typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith(code);
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The import was cancelled; the library is unchanged.');
}

/**
 * Imports data files (and optionally a metadata CSV) into an open library, all in one transaction:
 * every file is imported, or — on the first bad row, a cancel or any failure — none is and the
 * library is exactly as it was. A file's row replaces only the stored row with the same key
 * (indicator, area, sex, age, category type, category, period); other rows stay, and every replaced
 * value is kept under its vintage (value_history). A file that changes nothing records no vintage;
 * the very same file (same sha256) as an indicator's newest vintage is skipped.
 */
export async function importFiles(db: Database.Database, paths: string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const readMetadata = (path: string) => readMetadataFile(path, opts.names?.get(path) ?? path);
  // Metadata still being made is awaited by the import; one that fails after this import did (a
  // cancel, a file missing) is not an unhandled rejection.
  const later = opts.metadataLater?.then((path) => (path === null ? null : readMetadata(path)));
  later?.catch(() => {});
  const files: TextFileToRead[] = [];
  for (const p of paths) {
    if (opts.signal?.aborted) throw cancelled();
    const name = opts.names?.get(p) ?? p;
    const growing = opts.growing?.get(p);
    files.push(growing ? { path: p, name, size: 0, growing } : statTextFile(p, name));
  }
  const metadata: Metadata = later ?? (opts.metadataPath ? await readMetadata(opts.metadataPath) : null);
  // Files read once (hashed and decoded in the same pass) unless their facts are needed first; a
  // file found to mix encodings is inspected and the whole import done again (the first try was rolled back).
  const inspected = new Map<TextFileToRead, TextFileFacts>();
  for (;;) {
    try {
      return await importOnce(db, files, inspected, metadata, opts);
    } catch (e) {
      if (!(e instanceof ReadAgainKnowingEncoding)) throw e;
      const file = files.find((f) => f.name === e.file && !inspected.has(f));
      if (!file) throw e;
      inspected.set(file, await inspectWhenWritten(file));
    }
  }
}

/**
 * A problem with a file's record (`e`) comes after the rows before it, which may still wait to be
 * written: one of them repeating an earlier row is the file's first problem, and is the one reported.
 */
function firstProblem(run: ImportRun, e: unknown): unknown {
  if (!(e instanceof AppError) || e.code !== 'BAD_INPUT') return e;
  try {
    run.flushValues();
  } catch (earlier) {
    return earlier;
  }
  return e;
}

/** A file's facts (sha256, encoding), once all of it is there. */
async function inspectWhenWritten(file: TextFileToRead): Promise<TextFileFacts> {
  if (file.growing) await whenWritten(file.growing, file.name);
  return inspectTextFile(file.path, file.name);
}

type MetadataFile = Awaited<ReturnType<typeof readMetadataFile>>;
/** The metadata file's entries, or one still being made (ImportOptions.metadataLater). */
type Metadata = MetadataFile | null | Promise<MetadataFile | null>;

async function importOnce(
  db: Database.Database,
  files: TextFileToRead[],
  inspected: Map<TextFileToRead, TextFileFacts>,
  metadataToCome: Metadata,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const now = (opts.now ?? (() => new Date()))();
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
      // The run reads an indicator's entry at its first row, which waits for the metadata (metadataReady).
      const entries = new Map<string, MetadataEntry>();
      const metadataReady = Promise.resolve(metadataToCome).then((m) => {
        for (const [id, entry] of m?.entries ?? []) entries.set(id, entry);
        return m;
      });
      metadataReady.catch(() => {});
      const run = new ImportRun(db, entries, now, opts.metadataByPublisher ?? false);
      const unchangedFiles: string[] = [];
      for (const file of files) {
        const label = `Importing ${file.name.split(/[\\/]/).pop()}`;
        // Only a library with vintages can already have this file: then its sha256 is needed first
        // (a file still being written is read as it comes, and read again should it be one to skip).
        let facts: TextFileFacts | TextFileToRead = inspected.get(file) ?? file;
        let skippable: Set<string> | null = null;
        if (!('sha256' in facts) && hasVintages(db)) {
          if (file.growing) skippable = newestOfAllSha256s(db);
          else facts = await inspectTextFile(file.path, file.name);
        }
        if ('sha256' in facts && run.isUnchanged(facts.sha256)) {
          unchangedFiles.push(facts.name);
          doneBefore += facts.size;
          opts.onProgress?.({ label, done: doneBefore, total });
          continue;
        }
        run.startFile(facts);
        opts.onProgress?.({ label, done: doneBefore, total });
        let bytes = 0;
        // Rows wait in the run until a statement's worth has come (they are written across chunks).
        const sink: RowSink = (rows, fingertips, bytesRead, givesCIs) => {
          for (let i = 0; i < rows.length; i++) run.addRow(rows[i]!, fingertips, givesCIs);
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
        let read: TextFileFacts;
        const onThisThread = () => metadataReady.then(() => readDataFile(facts, opts.format, sink, afterChunk));
        try {
          try {
            read = worker ? await readDataFileInWorker(worker, facts, opts.format, sink, afterChunk, metadataReady) : await onThisThread();
          } catch (e) {
            if (!(e instanceof WorkerUnavailable)) throw e;
            // The worker may have failed before the metadata came: the rows wait for it here too.
            read = await onThisThread();
          }
        } catch (e) {
          throw firstProblem(run, e);
        }
        if (skippable?.has(read.sha256)) throw new ReadAgainKnowingEncoding(file.name, 'the very file the library has; read it again to skip it');
        run.endFile(read);
        doneBefore += read.size;
        opts.onProgress?.({ label, done: doneBefore, total });
      }
      const metadata = await metadataReady;
      const metadataIndicators = metadata ? run.ind.applyMetadata(metadata.facts.name, new Set(run.indicators.keys())) : 0;
      run.ind.inferPolarities(run.indicators.values());
      inferComparisonMethods(db, [...run.indicators.keys()]);
      run.finish();
      if (opts.signal?.aborted) throw cancelled();
      dropStaging(db);
      const changes = [...run.changes.values()];
      const summary: ImportSummary = {
        rows: run.rows,
        indicators: run.indicators.size,
        areas: run.keys.areasSeen.size,
        vintages: run.vintages,
        unchangedFiles,
        metadataIndicators,
        added: changes.reduce((n, c) => n + c.added, 0),
        updated: changes.reduce((n, c) => n + c.updated, 0),
        unchanged: changes.reduce((n, c) => n + c.unchanged, 0),
        changes,
        warnings: run.labels.warnings(),
      };
      opts.beforeCommit?.(db, now);
      db.exec(opts.dryRun ? 'ROLLBACK' : 'COMMIT');
      return summary;
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
 * keep seeing the last committed state until this commits). A missing library is built beside it
 * and put in place only when the import succeeded (see buildNewLibrary): a failed import, a dry run
 * or a killed process leaves nothing under its name.
 */
export async function importToPath(
  libraryPath: string,
  paths: string[],
  opts: ImportOptions & { createFolder?: boolean } = {},
): Promise<ImportSummary> {
  opts.metadataLater?.catch(() => {}); // the library may not open: see importFiles
  const path = resolve(libraryPath);
  if (!existsSync(path)) {
    const build = buildNewLibrary(path, { createFolder: opts.createFolder ?? false });
    let summary: ImportSummary;
    try {
      summary = await importFiles(build.library.db, paths, opts);
    } catch (e) {
      build.abandon();
      throw e;
    }
    if (opts.dryRun) build.abandon();
    else build.complete();
    return summary;
  }
  const library = openLibrary(path, { createFolder: opts.createFolder ?? false });
  try {
    return await importFiles(library.db, paths, opts);
  } finally {
    library.close();
  }
}
