import type { AppEvent, Envelope } from '../../../shared/api';

export interface CallOptions {
  /** Long jobs: progress events carry this id. */
  jobId?: string;
  /** Let the request outlive the page (saving on close). */
  keepalive?: boolean;
}

/** A file chosen in the page, as the backend can reach it: its path (Electron) or the id it was sent under (browser mode). */
export type ChosenFile = { path: string } | { upload: string };

/** How the renderer reaches the backend: Electron IPC or browser-mode HTTP. The UI never knows which. */
export interface Transport {
  call(method: string, input: unknown, opts?: CallOptions): Promise<Envelope<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** Makes a file chosen in an <input type="file"> reachable by the backend. */
  chosenFile(file: File): Promise<Envelope<ChosenFile>>;
}

/** What the preload exposes on window.jsnaBridge: one function per method, the event stream, and a chosen file's path. */
export interface PreloadBridge {
  methods: Record<string, (input: unknown, opts?: CallOptions) => Promise<Envelope<unknown>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Electron's webUtils.getPathForFile: "" for a file that is not on disk. */
  pathForFile(file: File): string;
}
