import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { ExportFormat } from '../../../shared/api/export';
import { AppError } from '../../../shared/api/errors';
import { writeFileAtomic } from './exportDocument';

/**
 * Where an export may be written. An export replaces an earlier export (a file of its own kind: a
 * web page, a PDF, a Word file) or an empty file, never anything else: `render --out` with the
 * project's or the library's name (a slip of tab completion) used to replace the analyst's work
 * with the HTML. Checked before the work starts and again just before the file is written.
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

/** Does this file's start look like a file of `format`? */
function isKind(start: Buffer, format: ExportKind): boolean {
  switch (format) {
    case 'pdf':
      return start.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'docx':
      return start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    case 'html':
      return /^(?:\uFEFF)?\s*(?:<!doctype html|<html)/i.test(start.toString('utf8'));
    case 'csv':
      return !start.includes(0);
    case 'json':
      return /^(?:\uFEFF)?\s*[[{]/.test(start.toString('utf8'));
  }
}

/** Throws, naming the file, when an export of `format` must not be written at `path`. */
export function checkExportTarget(path: string, format: ExportKind): void {
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
  const start = head(path, 512);
  if (start.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') {
    throw new AppError('BAD_INPUT', `${path} is a database (a JSNA project or indicator library?); an export never replaces one. Choose another name. Nothing was written.`, { file: path });
  }
  if (!isKind(start, format)) {
    throw new AppError('BAD_INPUT', `${path} already exists and is not a ${LABEL[format]}, so the export does not replace it. Choose another name, or delete the file first. Nothing was written.`, { file: path });
  }
}

/** Writes an export whole (writeFileAtomic), checking the target once more just before. */
export function writeExportFile(path: string, format: ExportKind, bytes: Buffer): void {
  checkExportTarget(path, format);
  writeFileAtomic(path, bytes);
}
