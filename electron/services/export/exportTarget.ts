import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { ExportFormat } from '../../../shared/api/export';
import { AppError } from '../../../shared/api/errors';
import { CSV_HEADER } from './actionList';
import { isRecordedExport, recordExport } from './exportRecords';
import { isUnchangedSealedHtml } from './htmlSeal';
import { pdfSealState } from './pdfSeal';
import { writeFileAtomic } from './exportDocument';

/**
 * Where an export may be written. An export replaces only an earlier export of its own kind that
 * JSNA Studio wrote (see {@link isOurExport}) or an empty file, never anything else: `render --out`
 * with the project's or the library's name (a slip of tab completion) used to replace the analyst's
 * work with the HTML, and `recs --out` an indicator CSV or a hand-written page. Checked before the
 * work starts and again just before the file is written.
 */
/** What an export writes: a document (ExportFormat) or a register listing (action lists as CSV, the register as JSON). */
export type ExportKind = ExportFormat | 'csv' | 'json';
const LABEL: Record<ExportKind, string> = { html: 'web page (HTML)', pdf: 'PDF', docx: 'Word file', csv: 'CSV file', json: 'JSON file' };

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

const GENERATOR_META = /<meta name="generator" content="JSNA Studio"/;
const CSV_HEAD = `\uFEFF${CSV_HEADER.join(',')}`;
const SKIA = '/Producer (Skia/PDF';

/** The kinds whose files carry no seal: what this computer's exports wrote is on record instead (exportRecords.ts). */
const RECORDED: ReadonlySet<ExportKind> = new Set(['csv', 'json']);

/** By its first bytes, a file of ours of `format` (whether or not it was changed since). */
function looksLikeOurExport(start: Buffer, format: ExportKind): boolean {
  const text = () => start.toString('utf8');
  switch (format) {
    case 'pdf':
      return start.subarray(0, 5).toString('latin1') === '%PDF-' && start.includes(SKIA);
    case 'docx':
      return start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    case 'html':
      return /^\s*<!doctype html/i.test(text()) && GENERATOR_META.test(text());
    case 'csv':
      return text().startsWith(CSV_HEAD);
    case 'json':
      return /^\[\s*(?:\]|\{\s*"id":\s*")/.test(text());
  }
}

/**
 * Was this file written by our export of `format`, and is it still as written? HTML: our generator
 * <meta> and its sha256 seal still matching (htmlSeal.ts); PDF: printed by Chromium (Skia/PDF) and
 * its seal at the end still matching (pdfSeal.ts); Word: as we wrote it (isUnsavedWordExport); CSV
 * (the action list's BOM and header row) and JSON (the register listing): this computer's record of
 * what its export wrote there (exportRecords.ts).
 */
function isOurExport(path: string, start: Buffer, format: ExportKind): boolean {
  if (!looksLikeOurExport(start, format)) return false;
  switch (format) {
    case 'pdf':
      return pdfSealState(path) === 'unchanged';
    case 'docx':
      return isUnsavedWordExport(path);
    case 'html':
      return isUnchangedSealedHtml(path, start);
    case 'csv':
    case 'json':
      return isRecordedExport(path);
  }
}

const KEPT = 'so the export does not replace it: the changes would be lost. Choose another name, or delete or move the file first. Nothing was written.';

/** Why a file that looks like an export of ours is not replaced (it was changed since, or cannot be told apart from one that was); null for others. */
function changedExportMessage(path: string, start: Buffer, format: ExportKind): string | null {
  if (!looksLikeOurExport(start, format)) return null;
  switch (format) {
    case 'html':
      return `${path} was exported by JSNA Studio but has been changed since (or by an earlier version, before pages carried a seal), ${KEPT}`;
    case 'pdf':
      return pdfSealState(path) === 'changed'
        ? `${path} was exported by JSNA Studio but has been changed since (saved again by a PDF editor, say), ${KEPT}`
        : `${path} is a PDF printed by Chromium without JSNA Studio's seal (exported by an earlier version, or printed from somewhere else), ${KEPT}`;
    case 'csv':
    case 'json':
      return `${path} looks like ${format === 'csv' ? 'an action list' : 'a register listing'} JSNA Studio exported, but not as this computer's export left it (changed since, e.g. saved from Excel, or exported on another computer or by an earlier version), ${KEPT}`;
    case 'docx':
      return null;
  }
}

/**
 * A Word file as our export wrote it: "JSNA Studio" as its creator and last author, revision 1.
 * Word or LibreOffice saving it (the analyst's own edits) puts their name as last author and counts
 * the revision up, so an edited copy is not replaced.
 */
function isUnsavedWordExport(path: string): boolean {
  try {
    const parts = unzipSync(readFileSync(path), { filter: (f) => f.name === 'docProps/core.xml' });
    const core = parts['docProps/core.xml'];
    if (!core) return false;
    const xml = strFromU8(core);
    const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null;
    return field('dc:creator') === 'JSNA Studio' && field('cp:lastModifiedBy') === 'JSNA Studio' && field('cp:revision') === '1';
  } catch {
    return false;
  }
}

/** A database's journal or shared-memory file: an empty one is not a free name (writing it corrupts the database). */
const DATABASE_SIDE_FILE = /-(?:wal|shm|journal)$/i;

/** Throws, naming the file, when an export of `format` must not be written at `path`. */
export function checkExportTarget(path: string, format: ExportKind): void {
  // By its name, whether or not it exists now (SQLite creates it when the database is next opened).
  if (DATABASE_SIDE_FILE.test(basename(path))) {
    throw new AppError('BAD_INPUT', `${path} is the name of a database's journal (-wal, -shm or -journal file); an export never writes one. Choose another name. Nothing was written.`, { file: path });
  }
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new AppError('BAD_INPUT', `${path} is a folder; give the name of the file to write.`, { file: path });
    size = st.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (size === 0) return;
  const start = head(path, 4096);
  if (start.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') {
    throw new AppError('BAD_INPUT', `${path} is a database (a JSNA project or indicator library?); an export never replaces one. Choose another name. Nothing was written.`, { file: path });
  }
  if (isOurExport(path, start, format)) return;
  const changed = changedExportMessage(path, start, format);
  if (changed) throw new AppError('BAD_INPUT', changed, { file: path });
  throw new AppError(
    'BAD_INPUT',
    `${path} already exists and is not a ${LABEL[format]} that JSNA Studio exported, so the export does not replace it (it may be someone's own work). Choose another name, or delete or move the file first. Nothing was written.`,
    { file: path },
  );
}

/** Writes an export whole (writeFileAtomic), checking the target once more just before. */
export function writeExportFile(path: string, format: ExportKind, bytes: Buffer): void {
  checkExportTarget(path, format);
  writeFileAtomic(path, bytes);
  if (RECORDED.has(format)) recordExport(path, bytes);
}
