import { AppError } from '../../../shared/api/errors';
import type { AppEvent } from '../../../shared/api/events';
import type { Project } from '../project/project';

/**
 * What one window (Electron) or one browser-mode server is working on: at most one open project.
 * Events go to whoever listens (the IPC sender or the SSE stream).
 */
export class Session {
  private current: Project | null = null;
  private readonly listeners = new Set<(e: AppEvent) => void>();

  get project(): Project | null {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw new AppError('NO_PROJECT', 'No project is open. Create or open a project first.');
    return this.current;
  }

  setProject(project: Project | null): void {
    if (this.current && this.current !== project) this.current.close();
    this.current = project;
    this.emit({ type: 'project-changed' });
  }

  onEvent(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const l of this.listeners) l(event);
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
