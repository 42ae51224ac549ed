import type { AppEvent, Envelope } from '../../../shared/api';

export interface CallOptions {
  /** Long jobs: progress events carry this id. */
  jobId?: string;
  /** Let the request outlive the page (saving on close). */
  keepalive?: boolean;
}

/** How the renderer reaches the backend: Electron IPC or browser-mode HTTP. The UI never knows which. */
export interface Transport {
  call(method: string, input: unknown, opts?: CallOptions): Promise<Envelope<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/** What the preload exposes on window.jsnaBridge: one function per method, and the event stream. */
export interface PreloadBridge {
  methods: Record<string, (input: unknown, opts?: CallOptions) => Promise<Envelope<unknown>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}
