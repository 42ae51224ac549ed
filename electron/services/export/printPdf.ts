import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/api/errors';
import { exportCancelled } from './cancelled';
import { chromiumArgs, chromiumPath } from './findChromium';
import { mm, PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS_MM } from './pdfOptions';

/**
 * Prints an HTML file to PDF with an HTML file on disk as input. Implemented by Playwright on
 * Chromium here (browser mode, the CLI, tests) and by Electron's printToPDF in the app.
 */
export type PdfPrinter = (htmlPath: string, opts: { signal?: AbortSignal | undefined }) => Promise<Buffer>;

/**
 * The part of playwright-core used here. Its own type declarations import the Electron module (for its
 * Electron driver), which services may not, so it is loaded untyped and described by this.
 */
export interface PdfPage {
  goto(url: string, opts: { waitUntil: 'load' }): Promise<unknown>;
  pdf(opts: Record<string, unknown>): Promise<Buffer>;
  close(): Promise<void>;
}
export interface BrowserContext {
  pages(): PdfPage[];
  newPage(): Promise<PdfPage>;
  close(): Promise<void>;
  on(event: 'close', listener: () => void): void;
}
interface Chromium {
  launchPersistentContext(userDataDir: string, opts: Record<string, unknown>): Promise<BrowserContext>;
}

function playwrightChromium(): Chromium {
  return (createRequire(__filename)('playwright-core') as { chromium: Chromium }).chromium;
}

/** A Chromium started for printing: print one HTML file, then close (closing is safe to repeat). */
export interface StartedPrinter {
  print(htmlPath: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** A Chromium for printing, its throwaway profile removed when it closes (closing is safe to repeat). */
export interface PrintBrowser {
  context: BrowserContext;
  /** Resolves when Chromium has closed (or crashed). */
  closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Chromium (found by findChromium) for Playwright `page.pdf()`: a throwaway profile,
 * JavaScript off, no network. Cancelling while it starts closes it. `ownSignals`: the process closes
 * it itself on Ctrl+C or SIGTERM (browser mode's server: serve.ts), so Playwright's own handlers,
 * which close it and exit the process (130 on Ctrl+C) before its profile is removed, are not set.
 */
export async function launchPrintBrowser(signal?: AbortSignal, opts: { ownSignals?: boolean } = {}): Promise<PrintBrowser> {
  if (signal?.aborted) throw exportCancelled();
  const executablePath = chromiumPath();
  const profile = mkdtempSync(join(tmpdir(), 'jsna-print-'));
  // Chromium may still be writing into its profile as it closes (a cancel while it starts): retry,
  // and never fail an export or a cancel over a temporary folder left behind.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // left in the temporary folder
    }
  };
  let context: BrowserContext | null = null;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    signal?.removeEventListener('abort', abort);
    await context?.close().catch(() => undefined);
    removeProfile();
  };
  const abort = () => void close();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    context = await playwrightChromium().launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: chromiumArgs(),
      javaScriptEnabled: false,
      offline: true,
      ...(opts.ownSignals ? { handleSIGINT: false, handleSIGTERM: false } : {}),
    });
  } catch (e) {
    await close();
    if (signal?.aborted) throw exportCancelled();
    throw new AppError('INTERNAL', `Could not start Chromium (${executablePath}) to print the PDF: ${(e as Error).message.split('\n')[0]}`);
  }
  if (closed || signal?.aborted) {
    // Cancelled while Chromium was starting: close() ran before there was a browser to close.
    await context.close().catch(() => undefined);
    await close();
    removeProfile();
    throw exportCancelled();
  }
  signal?.removeEventListener('abort', abort);
  const ctx = context;
  // Closed by us, or crashed: its profile goes either way.
  const ended = new Promise<void>((resolve) =>
    ctx.on('close', () => {
      removeProfile();
      resolve();
    }),
  );
  return { context: ctx, closed: ended, close };
}

/** Prints the HTML file on `page` with the export's options (A4, margins, header and footer, tagged, outline). */
export async function printOnPage(page: PdfPage, htmlPath: string): Promise<Buffer> {
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
  return page.pdf({
    format: 'A4',
    margin: { top: mm(PDF_MARGINS_MM.top), bottom: mm(PDF_MARGINS_MM.bottom), left: mm(PDF_MARGINS_MM.left), right: mm(PDF_MARGINS_MM.right) },
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: PDF_FOOTER_TEMPLATE,
    tagged: true,
    outline: true,
  });
}

/**
 * A Chromium of its own for one export (launchPrintBrowser), started apart from printing so an
 * export can start the browser while it is still writing the HTML. Cancelling closes the browser.
 */
export async function startPlaywrightPrinter(signal?: AbortSignal): Promise<StartedPrinter> {
  const browser = await launchPrintBrowser(signal);
  const abort = () => void browser.close();
  signal?.addEventListener('abort', abort, { once: true });
  return {
    async close() {
      signal?.removeEventListener('abort', abort);
      await browser.close();
    },
    async print(htmlPath: string) {
      try {
        if (signal?.aborted) throw exportCancelled();
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        return await printOnPage(page, htmlPath);
      } catch (e) {
        if (signal?.aborted) throw exportCancelled();
        throw e;
      }
    },
  };
}

/** Playwright `page.pdf()` on Chromium: start, print, close. */
export const playwrightPdf: PdfPrinter = async (htmlPath, { signal }) => {
  const printer = await startPlaywrightPrinter(signal);
  try {
    return await printer.print(htmlPath);
  } finally {
    await printer.close();
  }
};
