import { resolve } from 'node:path';
import type { ExportCounts } from '../../../../shared/api/export';
import { exportDocument, exportFileName, MIME_TYPES } from '../../export/exportDocument';
import { checkExportTarget, writeExportFile } from '../../export/exportTarget';
import { cancelJob, exportHostFor, startJob } from '../../export/jobs';
import type { Library } from '../../library/openLibrary';
import type { HandlerSlice } from '../handler';
import type { Session } from '../session';

/** The project's library, or null when it cannot be opened (its charts then say so in the export). */
function libraryOrNull(session: Session): Library | null {
  try {
    return session.library();
  } catch {
    return null;
  }
}

export const exportHandlers: HandlerSlice<'export.document' | 'export.cancel'> = {
  'export.document': async ({ format, path, open, chapterIds }, { session, jobId, signal }) => {
    const project = session.requireProject();
    const host = exportHostFor(session);
    let target = path ? resolve(path) : null;
    // The app asks where to save before doing the work; browser mode returns the file instead.
    if (!target && host) {
      target = await host.chooseSavePath(format, exportFileName(project.getMeta('title') ?? 'JSNA', format));
      if (!target) return { status: 'not-saved' as const };
    }
    if (target) checkExportTarget(target, format);
    const job = startJob(session, jobId, signal);
    try {
      const done = await exportDocument(project, libraryOrNull(session), {
        format,
        signal: job.signal,
        onProgress: jobId ? (p) => session.emit({ type: 'progress', jobId, ...p }) : undefined,
        printPdf: host?.printPdf,
        keepPrinterWarm: session.keepPrinterWarm,
        chapterIds,
      });
      const counts: ExportCounts = {
        format,
        bytes: done.bytes.length,
        charts: done.html.charts,
        figures: done.html.figures,
        recommendations: done.html.recommendations,
        ms: Math.round(done.ms),
      };
      if (!target) {
        return { status: 'download' as const, ...counts, filename: exportFileName(done.html.title, format), mimeType: MIME_TYPES[format], base64: done.bytes.toString('base64') };
      }
      writeExportFile(target, format, done.bytes);
      let opened = false;
      if (open && host) {
        await host.openPath(target).then(
          () => (opened = true),
          () => (opened = false),
        );
      }
      return { status: 'saved' as const, ...counts, path: target, opened };
    } finally {
      job.end();
    }
  },
  'export.cancel': ({ jobId }, { session }) => ({ cancelled: cancelJob(session, jobId) }),
};
