import { exportCancelled } from './cancelled';
import { launchPrintBrowser, type PdfPage, type PrintBrowser, printOnPage, type StartedPrinter } from './printPdf';

/**
 * A Chromium for printing kept running between exports, as the app's own print engine (Electron's
 * printToPDF) always is, and as the figure workers are kept warm: where the app runs in a browser
 * (browser mode's server), a PDF export then neither waits for Chromium to start nor has it start
 * while the HTML is being written. Each print has a page of its own, closed when it is done (a
 * cancel closes only that page, so another export printing at the same time goes on). Closed once
 * no export has printed for PRINTER_KEEP_WARM_MS, or when it crashes (the next export starts
 * another). Not for a one-off process such as the CLI: a running Chromium keeps the process alive.
 */
export const PRINTER_KEEP_WARM_MS = 60_000;

let shared: Promise<PrintBrowser> | null = null;
let printing = 0;
let idleTimer: NodeJS.Timeout | null = null;

function browser(): Promise<PrintBrowser> {
  if (!shared) {
    // Closed by the server on Ctrl+C or SIGTERM (stopWarmPrinter, serve.ts), its profile with it.
    const starting = launchPrintBrowser(undefined, { ownSignals: true });
    shared = starting;
    starting.then(
      (b) => void b.closed.then(() => shared === starting && (shared = null)),
      () => shared === starting && (shared = null),
    );
  }
  return shared;
}

function idle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (printing > 0) return;
  idleTimer = setTimeout(() => void stopWarmPrinter(), PRINTER_KEEP_WARM_MS);
  idleTimer.unref();
}

/** The warm Chromium, started if there is none; its printer is for one export (close() lets go of it). */
export async function startWarmPrinter(signal?: AbortSignal): Promise<StartedPrinter> {
  if (signal?.aborted) throw exportCancelled();
  printing++;
  if (idleTimer) clearTimeout(idleTimer);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    printing--;
    idle();
  };
  let b: PrintBrowser;
  try {
    b = await browser();
  } catch (e) {
    release();
    throw e;
  }
  if (signal?.aborted) {
    release();
    throw exportCancelled();
  }
  let page: PdfPage | null = null;
  const abort = () => void page?.close().catch(() => undefined);
  signal?.addEventListener('abort', abort, { once: true });
  return {
    async print(htmlPath: string) {
      // Chromium may have crashed or been closed since this export began: then once more on a new one.
      const own = await b.context.newPage().catch(async () => {
        b = await browser();
        return b.context.newPage();
      });
      page = own;
      try {
        if (signal?.aborted) throw exportCancelled();
        return await printOnPage(own, htmlPath);
      } catch (e) {
        if (signal?.aborted) throw exportCancelled();
        throw e;
      } finally {
        page = null;
        await own.close().catch(() => undefined);
      }
    },
    async close() {
      signal?.removeEventListener('abort', abort);
      release();
    },
  };
}

/** Closes the warm Chromium now (the server shutting down; tests). */
export async function stopWarmPrinter(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const b = shared;
  shared = null;
  await b?.then((x) => x.close(), () => undefined);
}
