import type { DocJson, SaveResult } from '../../shared/api/chapters';

export type SaveStatus =
  | { state: 'saved'; at: string | null }
  | { state: 'dirty' }
  | { state: 'saving' }
  | { state: 'error'; message: string; conflict: boolean };

export interface AutosaveOptions {
  revision: number;
  /** Writes the document; must resolve only once it is durably stored. */
  save(doc: DocJson, baseRevision: number, keepalive: boolean): Promise<SaveResult>;
  onStatus(status: SaveStatus): void;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Saves a chapter shortly after typing pauses, and at once on flush() (blur, chapter switch, close).
 * One save at a time; edits made while a save is in flight are saved right after it. A conflict
 * (someone else saved) stops autosave so newer text is never overwritten.
 */
export class Autosave {
  private revision: number;
  private pending: (() => DocJson) | null = null;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private readonly delay: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly opts: AutosaveOptions) {
    this.revision = opts.revision;
    this.delay = opts.delayMs ?? 700;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get currentRevision(): number {
    return this.revision;
  }

  get hasUnsavedChanges(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** Call on every edit; `read` returns the document as it is when the save happens. */
  changed(read: () => DocJson): void {
    if (this.stopped) return;
    // Once per burst of typing, not per keystroke (each status change re-renders the editor chrome).
    if (!this.pending) this.opts.onStatus({ state: 'dirty' });
    this.pending = read;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.delay);
  }

  /** Saves now whatever is pending, after any save in flight. */
  async flush(keepalive = false): Promise<void> {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (!this.pending || this.stopped) return;
    const read = this.pending;
    this.pending = null;
    this.opts.onStatus({ state: 'saving' });
    let failed = false;
    this.inFlight = (async () => {
      try {
        const result = await this.opts.save(read(), this.revision, keepalive);
        this.revision = result.revision;
        if (!this.pending) this.opts.onStatus({ state: 'saved', at: result.updatedAt });
      } catch (e) {
        failed = true;
        const err = e as { code?: string; message?: string };
        const conflict = err.code === 'CONFLICT' || err.code === 'READ_ONLY';
        if (conflict) this.stopped = true;
        else if (!this.pending) this.pending = read; // keep the edit so the next flush retries it
        this.opts.onStatus({ state: 'error', message: err.message ?? String(e), conflict });
      } finally {
        this.inFlight = null;
      }
    })();
    await this.inFlight;
    if (!this.pending || this.stopped || this.timer !== null) return;
    if (failed) {
      // Retry later rather than hammering a failing disk or server.
      this.timer = this.setTimer(() => {
        this.timer = null;
        void this.flush();
      }, this.delay * 4);
    } else {
      await this.flush(keepalive);
    }
  }

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.stopped = true;
  }
}
