import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ExportFormat } from '../../../shared/api/export';
import { AppError } from '../../../shared/api/errors';
import { safeFileBase } from '../../../shared/fileName';
import { listChapters } from '../documents/chapters';
import type { Library } from '../library/openLibrary';
import type { Project } from '../project/project';
import { type DocumentExportSummary, type HtmlExportProgress, renderDocumentHtml } from './documentHtml';
import { throwIfCancelled } from './cancelled';
import { renderDocumentDocx } from './docx/documentDocx';
import { chromiumPath } from './findChromium';
import { sealHtml } from './htmlSeal';
import { printWithPageNumbers } from './pdfContents';
import { sealPdf } from './pdfSeal';
import { type PdfPrinter, type StartedPrinter, startPlaywrightPrinter } from './printPdf';
import { startWarmPrinter } from './warmPrinter';

export interface ExportOptions {
  format: ExportFormat;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: HtmlExportProgress) => void) | undefined;
  /** PDF print engine: Electron's printToPDF in the app; Playwright on Chromium elsewhere (default). */
  printPdf?: PdfPrinter | undefined;
  /**
   * Playwright's Chromium kept running for the next export (warmPrinter.ts), as in browser mode's
   * server; default: started for this export and closed after it (the CLI).
   */
  keepPrinterWarm?: boolean | undefined;
  now?: Date;
  /** Only these chapters (kept in the document's order); default every chapter. */
  chapterIds?: readonly string[] | undefined;
}

export interface ExportedDocument {
  format: ExportFormat;
  bytes: Buffer;
  /** What went in (and, for HTML and PDF, the HTML itself). */
  html: DocumentExportSummary;
  /** Printing the PDF, from the HTML being ready to the PDF's bytes (0 for HTML). */
  printMs: number;
  /** How many times Chromium printed the PDF (1 when the contents' page numbers were written into the first print; 0 for HTML and Word). */
  prints: number;
  ms: number;
}

export const MIME_TYPES: Record<ExportFormat, string> = {
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The chapters to export as a set, every id checked against the project; undefined for all. */
export function chosenChapters(project: Project, ids: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (ids === undefined) return undefined;
  if (ids.length === 0) throw new AppError('BAD_INPUT', 'Choose at least one chapter to export.', { field: 'chapterIds' });
  const known = new Set(listChapters(project).map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('NOT_FOUND', `No chapter with id ${unknown.map((id) => `"${id}"`).join(', ')} in ${project.path}.`, { field: 'chapterIds' });
  return new Set(ids);
}


/** "Children and young people JSNA (sample)" → "Children and young people JSNA (sample).pdf", safe on every OS. */
export function exportFileName(title: string, format: ExportFormat): string {
  return `${safeFileBase(title, 'JSNA')}.${format}`;
}

/**
 * Exports the project: the sanitised HTML, and for PDF that same HTML printed by Chromium (written to
 * a private temp folder for the print engine to load, removed afterwards). Outside the app, Chromium
 * is started while the HTML is being written, so its start-up is not added to the export's time, or
 * is still running from the last export (keepPrinterWarm).
 */
export async function exportDocument(project: Project, library: Library | null, opts: ExportOptions): Promise<ExportedDocument> {
  const started = performance.now();
  const only = chosenChapters(project, opts.chapterIds);
  const report = opts.onProgress;
  if (opts.format === 'docx') {
    const docx = await renderDocumentDocx(project, library, { ...(opts.now ? { now: opts.now } : {}), chapterIds: only, signal: opts.signal, onProgress: report });
    throwIfCancelled(opts.signal);
    const { bytes, ...summary } = docx;
    return { format: 'docx', bytes, html: summary, printMs: 0, prints: 0, ms: performance.now() - started };
  }
  const pdf = opts.format === 'pdf';
  // Chromium (outside the app) starts while the HTML is written; no browser is said before any work.
  let printer: Promise<StartedPrinter> | null = null;
  if (pdf && !opts.printPdf) {
    chromiumPath();
    printer = opts.keepPrinterWarm ? startWarmPrinter(opts.signal) : startPlaywrightPrinter(opts.signal);
    printer.catch(() => undefined); // awaited below; a failure surfaces there
  }
  let dir: string | null = null;
  try {
    // Inside the try: a folder that cannot be made (a full disk) still closes the printer started above.
    if (pdf) dir = mkdtempSync(join(tmpdir(), 'jsna-export-'));
    // Progress: one step per chart, one to assemble, one to print (PDF).
    let steps = 0;
    const html = await renderDocumentHtml(project, library, {
      ...(opts.now ? { now: opts.now } : {}),
      chapterIds: only,
      signal: opts.signal,
      onProgress: (p) => {
        steps = p.total + (pdf ? 1 : 0);
        report?.({ label: p.done < p.total ? 'Drawing charts' : pdf ? 'Printing the PDF' : 'Writing the file', done: p.done, total: steps });
      },
    });
    throwIfCancelled(opts.signal);
    // Sealed with its own sha256: a later export replaces the file only while no one has edited it.
    if (!dir) return { format: 'html', bytes: Buffer.from(sealHtml(html.html), 'utf8'), html, printMs: 0, prints: 0, ms: performance.now() - started };

    const htmlPath = join(dir, exportFileName(html.title, 'html'));
    const t = performance.now();
    const running = printer ? await printer : null;
    const print = () => (running ? running.print(htmlPath) : opts.printPdf!(htmlPath, { signal: opts.signal }));
    // The contents' page numbers are read from the print and written into it (pdfContents.ts).
    const printed = await printWithPageNumbers(html.html, htmlPath, print);
    throwIfCancelled(opts.signal);
    report?.({ label: 'Writing the file', done: steps, total: steps });
    // Sealed with its own sha256 too (pdfSeal.ts): a PDF saved again by an editor is not replaced.
    return { format: 'pdf', bytes: sealPdf(printed.bytes), html: { ...html, html: printed.html }, printMs: performance.now() - t, prints: printed.passes, ms: performance.now() - started };
  } finally {
    if (printer) await printer.then((p) => p.close(), () => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes next to the target then renames, so a cancelled or failed export never leaves half a file. */
export function writeFileAtomic(path: string, bytes: Buffer): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    const err = e as NodeJS.ErrnoException;
    const code = err.code === 'ENOENT' ? 'NOT_FOUND' : err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' ? 'BAD_INPUT' : 'INTERNAL';
    throw new AppError(code, `Could not write ${path}: ${err.code === 'ENOENT' ? 'its folder does not exist' : err.message}.`, { file: path });
  }
}
