import type { ExportFormat } from '../../../shared/api/export';
import type { Session } from '../rpc/session';
import type { PdfPrinter } from './printPdf';

/**
 * Running exports, per session, by the caller's jobId, so `export.cancel` can stop one. (Only
 * exports: a general job registry in dispatch would serve library imports too.)
 */
const running = new WeakMap<Session, Map<string, AbortController>>();

export function startJob(session: Session, jobId: string | undefined, outer?: AbortSignal): { signal: AbortSignal; end(): void } {
  const controller = new AbortController();
  const onOuter = () => controller.abort();
  outer?.addEventListener('abort', onOuter, { once: true });
  if (outer?.aborted) controller.abort();
  let jobs = running.get(session);
  if (!jobs) running.set(session, (jobs = new Map()));
  if (jobId) jobs.set(jobId, controller);
  return {
    signal: controller.signal,
    end() {
      outer?.removeEventListener('abort', onOuter);
      if (jobId && jobs.get(jobId) === controller) jobs.delete(jobId);
    },
  };
}

export function cancelJob(session: Session, jobId: string): boolean {
  const controller = running.get(session)?.get(jobId);
  if (!controller) return false;
  controller.abort();
  return true;
}

/**
 * What the desktop app adds to an export (electron/main registers it for its session): its own save
 * dialog, its own print engine (webContents.printToPDF) and opening the file in the system's viewer.
 * Browser mode has none of these: it returns the file for the page to download.
 */
export interface ExportHost {
  /** The path the user chose, or null if they closed the dialog. */
  chooseSavePath(format: ExportFormat, suggestedName: string): Promise<string | null>;
  printPdf: PdfPrinter;
  /** Opens the file with the system's default application. */
  openPath(path: string): Promise<void>;
}

const hosts = new WeakMap<Session, ExportHost>();

export function setExportHost(session: Session, host: ExportHost | null): void {
  if (host) hosts.set(session, host);
  else hosts.delete(session);
}

export function exportHostFor(session: Session): ExportHost | null {
  return hosts.get(session) ?? null;
}
