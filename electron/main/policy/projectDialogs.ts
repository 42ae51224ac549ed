/**
 * The native dialogs for choosing a project file, as plain data (electron/main/projectDialogs.ts
 * shows them): what to ask, and what the answer means.
 */
export type ProjectDialogPurpose = 'open' | 'create';

const FILTERS = [{ name: 'JSNA project', extensions: ['jsna'] }];

export type ProjectDialogRequest =
  | { kind: 'open'; options: { title: string; properties: ['openFile']; filters: typeof FILTERS } }
  | { kind: 'save'; options: { title: string; defaultPath: string; filters: typeof FILTERS; properties: ['createDirectory', 'showOverwriteConfirmation'] } };

/** A file name from the title the user typed, safe on every OS ("JSNA" when it leaves nothing). */
function safeName(name: string | undefined): string {
  const base = (name ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  return base || 'New JSNA';
}

export function projectDialogRequest(purpose: ProjectDialogPurpose, suggestedName?: string): ProjectDialogRequest {
  if (purpose === 'open') return { kind: 'open', options: { title: 'Open a JSNA project', properties: ['openFile'], filters: FILTERS } };
  const file = safeName(suggestedName).replace(/\.jsna$/i, '');
  return {
    kind: 'save',
    options: { title: 'New JSNA project', defaultPath: `${file}.jsna`, filters: FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] },
  };
}

/** The path the dialog's answer means, or null when it was closed; a new project's file always ends in .jsna. */
export function chosenProjectPath(purpose: ProjectDialogPurpose, result: { canceled: boolean; filePaths?: string[]; filePath?: string }): string | null {
  if (result.canceled) return null;
  const path = purpose === 'open' ? result.filePaths?.[0] : result.filePath;
  if (!path) return null;
  return purpose === 'create' && !/\.jsna$/i.test(path) ? `${path}.jsna` : path;
}
