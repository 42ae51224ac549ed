import { AppError } from '../../../shared/api/errors';
import type { AppEvent } from '../../../shared/api/events';
import { resolve } from 'node:path';
import { type Library, openLibrary } from '../library/openLibrary';
import type { Project } from '../project/project';
import { RecentProjects } from '../project/recentProjects';
import { AutoBackup } from '../backup/autoBackup';
import { UploadStore } from '../uploads/uploadStore';

/**
 * What one window (Electron) or one browser-mode server is working on: at most one open project.
 * Events go to whoever listens (the IPC sender or the SSE stream).
 */
export interface SessionOptions {
  /** Where the list of recent projects is kept (the app and browser mode: in the user's data folder); none keeps it in memory. */
  recentFile?: string;
  /** Keep the Chromium that prints PDFs running between exports (browser mode's server: see export/warmPrinter.ts). */
  keepPrinterWarm?: boolean;
}

export class Session {
  private current: Project | null = null;
  private lib: Library | null = null;
  private readonly listeners = new Set<(e: AppEvent) => void>();
  /** Files a browser-mode page sent for an import (it cannot give paths). */
  readonly uploads = new UploadStore();
  /** Projects opened lately, for the project picker. */
  readonly recent: RecentProjects;

  /** See SessionOptions.keepPrinterWarm. */
  readonly keepPrinterWarm: boolean;

  constructor(opts: SessionOptions = {}) {
    this.recent = new RecentProjects(opts.recentFile ?? null);
    this.keepPrinterWarm = opts.keepPrinterWarm ?? false;
  }
  /** Rolling automatic backups of the open project (on open, then every few minutes of editing). */
  readonly backups = new AutoBackup(undefined, (e) => process.stderr.write(`jsna: automatic backup failed: ${e.message}\n`));

  get project(): Project | null {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw new AppError('NO_PROJECT', 'No project is open. Create or open a project first.');
    return this.current;
  }

  /** The open project's indicator library, opened (or created) on first use and kept until the project or its library path changes. */
  library(): Library {
    const path = resolve(this.requireProject().libraryPath);
    if (this.lib?.path !== path) {
      this.closeLibrary();
      this.lib = openLibrary(path, { createFolder: true });
    }
    return this.lib;
  }

  private closeLibrary(): void {
    this.lib?.close();
    this.lib = null;
  }

  setProject(project: Project | null): void {
    this.closeLibrary();
    if (this.current && this.current !== project) this.current.close();
    this.current = project;
    if (project) this.recent.remember(project.path, project.getMeta('title') ?? '');
    if (project) this.backups.opened(project);
    this.emit({ type: 'project-changed' });
  }

  /** Called after an edit is saved: takes a backup when one is due. */
  edited(): void {
    if (this.current) this.backups.edited(this.current);
  }

  onEvent(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const l of this.listeners) l(event);
  }

  close(): void {
    this.uploads.close();
    this.closeLibrary();
    this.current?.close();
    this.current = null;
  }
}
