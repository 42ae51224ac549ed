/** Events pushed from the backend to the renderer over either transport. */
export interface ProgressEvent {
  type: 'progress';
  /** Chosen by the caller, so it can match events to the job it started. */
  jobId: string;
  label: string;
  done: number;
  total: number;
}
export interface ProjectChangedEvent {
  type: 'project-changed';
}
export interface LibraryChangedEvent {
  type: 'library-changed';
}
/** The register changed: a status was set, or partner codes were rewritten in these chapters' documents. */
export interface RegisterChangedEvent {
  type: 'register-changed';
  /** Chapters whose document was rewritten (their revision went up); an open editor should reload them. */
  chapterIds: string[];
}
/** The app's menu asked for an export: the page runs it like its own Export button (progress, cancel, open). */
export interface ExportRequestedEvent {
  type: 'export-requested';
  format: 'html' | 'pdf' | 'docx';
}
export type AppEvent = ProgressEvent | ProjectChangedEvent | LibraryChangedEvent | RegisterChangedEvent | ExportRequestedEvent;
