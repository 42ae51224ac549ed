import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { ExportFormat } from '../../../shared/api/export';
import { AppError } from '../../../shared/api/errors';
import { CSV_HEADER } from './actionList';
import { isUnchangedSealedHtml } from './htmlSeal';
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

/**
 * Was this file, by its first bytes, written by our export of `format`? HTML: our generator
 * <meta>, and its text still what its sha256 seal says (htmlSeal.ts: not edited since); CSV: the
 * action list's BOM and header row; JSON: the register listing (an array of recommendations, each
 * starting with its id); Word: as we wrote it (isUnsavedWordExport); PDF: printed by Chromium
 * (Skia/PDF), as our PDF export is.
 */
function isOurExport(path: string, start: Buffer, format: ExportKind): boolean {
  const text = () => start.toString('utf8');
  switch (format) {
    case 'pdf':
      return start.subarray(0, 5).toString('latin1') === '%PDF-' && start.includes('/Producer (Skia/PDF');
    case 'docx':
      return start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && isUnsavedWordExport(path);
    case 'html':
      return /^\s*<!doctype html/i.test(text()) && GENERATOR_META.test(text()) && isUnchangedSealedHtml(path, start);
    case 'csv':
      return text().startsWith(CSV_HEAD);
    case 'json':
      return /^\[\s*(?:\]|\{\s*"id":\s*")/.test(text());
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
  if (!isOurExport(path, start, format) && format === 'html' && GENERATOR_META.test(start.toString('utf8'))) {
    throw new AppError(
      'BAD_INPUT',
      `${path} was exported by JSNA Studio but has been changed since (or by an earlier version, before pages carried a seal), so the export does not replace it: the changes would be lost. Choose another name, or delete or move the file first. Nothing was written.`,
      { file: path },
    );
  }
  if (!isOurExport(path, start, format)) {
    throw new AppError(
      'BAD_INPUT',
      `${path} already exists and is not a ${LABEL[format]} that JSNA Studio exported, so the export does not replace it (it may be someone's own work). Choose another name, or delete or move the file first. Nothing was written.`,
      { file: path },
    );
  }
}

/** Writes an export whole (writeFileAtomic), checking the target once more just before. */
export function writeExportFile(path: string, format: ExportKind, bytes: Buffer): void {
  checkExportTarget(path, format);
  writeFileAtomic(path, bytes);
}
