import type { Session } from '../rpc/session';

/**
 * The desktop app's native dialogs for choosing a project file (electron/main registers them for its
 * session). Browser mode has none: its page browses folders with files.list instead.
 */
export interface ProjectDialogs {
  /** The path chosen, or null when the dialog was closed. */
  choose(purpose: 'open' | 'create', suggestedName: string | undefined): Promise<string | null>;
}

const hosts = new WeakMap<Session, ProjectDialogs>();

export function setProjectDialogs(session: Session, dialogs: ProjectDialogs | null): void {
  if (dialogs) hosts.set(session, dialogs);
  else hosts.delete(session);
}

export function projectDialogsFor(session: Session): ProjectDialogs | null {
  return hosts.get(session) ?? null;
}
