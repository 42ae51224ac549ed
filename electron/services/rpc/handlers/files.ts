import { browseRoot, listFolder } from '../../files/folderBrowser';
import { projectDialogsFor } from '../../project/projectDialogs';
import type { HandlerSlice } from '../handler';

export const fileHandlers: HandlerSlice<'project.recent' | 'files.list' | 'project.choosePath'> = {
  'project.recent': (_input, { session }) => session.recent.list(),
  'files.list': ({ path }) => listFolder(browseRoot(), path),
  'project.choosePath': async ({ purpose, suggestedName }, { session }) => {
    const dialogs = projectDialogsFor(session);
    if (!dialogs) return { supported: false, path: null };
    return { supported: true, path: await dialogs.choose(purpose, suggestedName) };
  },
};
