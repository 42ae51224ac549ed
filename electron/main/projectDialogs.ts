import { type BrowserWindow, dialog } from 'electron';
import { setProjectDialogs } from '../services/project/projectDialogs';
import type { Session } from '../services/rpc/session';
import { chosenProjectPath, projectDialogRequest } from './policy/projectDialogs';

/** The project picker's "Choose…" buttons in the app: the system's open and save dialogs. */
export function registerProjectDialogs(session: Session, parent: () => BrowserWindow | null): void {
  setProjectDialogs(session, {
    async choose(purpose, suggestedName) {
      const req = projectDialogRequest(purpose, suggestedName);
      const w = parent();
      if (req.kind === 'open') {
        const r = w ? await dialog.showOpenDialog(w, req.options) : await dialog.showOpenDialog(req.options);
        return chosenProjectPath(purpose, r);
      }
      const r = w ? await dialog.showSaveDialog(w, req.options) : await dialog.showSaveDialog(req.options);
      return chosenProjectPath(purpose, r);
    },
  });
}
