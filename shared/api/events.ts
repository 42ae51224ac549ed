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
export type AppEvent = ProgressEvent | ProjectChangedEvent | LibraryChangedEvent;
