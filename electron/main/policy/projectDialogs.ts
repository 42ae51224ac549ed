import { safeFileBase } from '../../../shared/fileName';

/**
 * The native dialogs for choosing a project file, as plain data (electron/main/projectDialogs.ts
 * shows them): what to ask, and what the answer means.
 */
export type ProjectDialogPurpose = 'open' | 'create';

const FILTERS = [{ name: 'JSNA project', extensions: ['jsna'] }];

export type ProjectDialogRequest =
  | { kind: 'open'; options: { title: string; properties: ['openFile']; filters: typeof FILTERS } }
  | { kind: 'save'; options: { title: string; defaultPath: string; filters: typeof FILTERS; properties: ['createDirectory'] } };

export function projectDialogRequest(purpose: ProjectDialogPurpose, suggestedName?: string): ProjectDialogRequest {
  if (purpose === 'open') return { kind: 'open', options: { title: 'Open a JSNA project', properties: ['openFile'], filters: FILTERS } };
  const file = safeFileBase((suggestedName ?? '').replace(/\.jsna$/i, ''), 'New JSNA');
  return {
    kind: 'save',
    options: { title: 'New JSNA project', defaultPath: `${file}.jsna`, filters: FILTERS, properties: ['createDirectory'] },
  };
}

/** The path the dialog's answer means, or null when it was closed; a new project's file always ends in .jsna (an existing file is never replaced: project.create refuses it). */
export function chosenProjectPath(purpose: ProjectDialogPurpose, result: { canceled: boolean; filePaths?: string[]; filePath?: string }): string | null {
  if (result.canceled) return null;
  const path = purpose === 'open' ? result.filePaths?.[0] : result.filePath;
  if (!path) return null;
  return purpose === 'create' && !/\.jsna$/i.test(path) ? `${path}.jsna` : path;
}
