import { z } from 'zod';
import { method } from './method';
import { filePath } from './project';

/** A project the app opened lately (remembered in the user's data folder). */
export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
  /** False when the file is no longer there (moved, deleted, a drive not mounted). */
  exists: boolean;
}

export interface FolderEntry {
  name: string;
  path: string;
  kind: 'folder' | 'project';
}

/** One folder of the browser: only sub-folders and *.jsna files, inside the home folder. */
export interface FolderListing {
  path: string;
  /** The folder above, or null at the home folder (the browser goes no higher). */
  parent: string | null;
  home: string;
  entries: FolderEntry[];
}

/** What the app's native dialog gave (`supported: false` in browser mode, which browses with files.list). */
export interface ChosenPath {
  supported: boolean;
  path: string | null;
}

export const fileMethods = {
  'project.recent': method<RecentProject[]>()(z.object({})),
  /** Lists a folder inside the user's home folder (default: the home folder itself); paths outside it are refused. */
  'files.list': method<FolderListing>()(z.object({ path: filePath.optional() })),
  /** The app's native dialog to open a project, or to choose where a new one goes. */
  'project.choosePath': method<ChosenPath>()(
    z.object({ purpose: z.enum(['open', 'create']), suggestedName: z.string().trim().max(300).optional() }),
  ),
};
