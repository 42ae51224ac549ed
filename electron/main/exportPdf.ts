import { BrowserWindow, dialog, shell } from 'electron';
import type { ExportFormat } from '../../shared/api/export';
import { throwIfCancelled } from '../services/export/cancelled';
import { type ExportHost, setExportHost } from '../services/export/jobs';
import type { PdfPrinter } from '../services/export/printPdf';
import type { Session } from '../services/rpc/session';
import { printToPdfOptions, printWindowOptions, saveFilters } from './policy/exportWindow';

/**
 * PDF in the app: Electron's own print engine (webContents.printToPDF), tagged and with an outline,
 * from the exported HTML file loaded in a hidden, script-less window.
 */
export const electronPdf: PdfPrinter = async (htmlPath, { signal }) => {
  throwIfCancelled(signal);
  const win = new BrowserWindow(printWindowOptions());
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const abort = () => {
    if (!win.isDestroyed()) win.destroy();
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await win.loadFile(htmlPath);
    return await win.webContents.printToPDF(printToPdfOptions());
  } catch (e) {
    throwIfCancelled(signal);
    throw e;
  } finally {
    signal?.removeEventListener('abort', abort);
    abort();
  }
};

/** What the app adds to exports for this session: the native save dialog, printToPDF, opening the file. */
export function registerExportHost(session: Session, parent: () => BrowserWindow | null): void {
  const host: ExportHost = {
    async chooseSavePath(format: ExportFormat, suggestedName: string) {
      const options = { title: format === 'pdf' ? 'Export as PDF' : format === 'docx' ? 'Export as Word' : 'Export as a web page (HTML)', defaultPath: suggestedName, filters: saveFilters(format) };
      const w = parent();
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    printPdf: electronPdf,
    async openPath(path: string) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
  };
  setExportHost(session, host);
}
