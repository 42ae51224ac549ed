import { z } from 'zod';
import { method } from './method';
import { filePath } from './project';

export const EXPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What went into an export. */
export interface ExportCounts {
  format: ExportFormat;
  /** Size of the file written (or offered for download). */
  bytes: number;
  /** Chart nodes in the document, and how many were drawn as numbered figures (the rest say why not). */
  charts: number;
  figures: number;
  recommendations: number;
  /** Wall time of the whole export. */
  ms: number;
}

export type ExportResult =
  /** Written to `path` (chosen in the save dialog, or given). `opened`: shown in the system's viewer. */
  | (ExportCounts & { status: 'saved'; path: string; opened: boolean })
  /** Browser mode without a path: the file itself, for the page to offer as a download. */
  | (ExportCounts & { status: 'download'; filename: string; mimeType: string; base64: string })
  /** The save dialog was closed without choosing a file: nothing was exported. */
  | { status: 'not-saved' };

export const exportMethods = {
  /**
   * Exports the open project: HTML (one self-contained, sanitised, accessible file), PDF (tagged,
   * A4, printed by Chromium from that HTML) or Word (DOCX, from the same document model). Long: call it with a jobId to get progress events and
   * to be able to cancel it (`export.cancel`), which ends it with a CANCELLED error.
   * Where it goes: `path` if given; otherwise the app asks with its save dialog, and browser mode
   * returns the file for download.
   */
  'export.document': method<ExportResult>()(
    z.object({
      format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
      path: filePath.optional(),
      /** Open the file when done (the app opens it in the system's viewer; browser mode's page opens the download). */
      open: z.boolean().optional(),
      /** Only these chapters, in the document's order (default: all). */
      chapterIds: z
        .array(z.string().trim().min(1, 'a chapter id is required').max(200, 'a chapter id is at most 200 characters'))
        .min(1, 'choose at least one chapter to export')
        .max(10_000)
        .optional(),
    }),
  ),
  /** Stops a running export started with this jobId. `cancelled` is false when no such export is running. */
  'export.cancel': method<{ cancelled: boolean }>()(z.object({ jobId: z.string().trim().min(1, 'a job id is required').max(200) })),
};
