import { readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { FolderEntry, FolderListing } from '../../../shared/api/files';
import { AppError } from '../../../shared/api/errors';

/** The folder the browser may show: the user's home folder (JSNA_HOME overrides, e.g. for tests). */
export function browseRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.JSNA_HOME?.trim() || homedir();
}

/** True when `target` is `root` or inside it (both already resolved, symlinks and all). */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * Lists one folder for the project picker's folder browser: its sub-folders and *.jsna files, sorted,
 * hidden ones left out. The folder and every entry are resolved (symlinks, `..`) and must lie inside
 * `root`; anything else is refused or left out, so the page can never see outside the home folder.
 */
export function listFolder(root: string, requested?: string): FolderListing {
  const home = realOrNull(resolve(root));
  if (!home) throw new AppError('NOT_FOUND', `The home folder ${root} does not exist.`, { file: root });
  const wanted = requested === undefined ? home : resolve(home, requested);
  const folder = realOrNull(wanted);
  if (!folder || !isInside(home, folder)) {
    // Same answer for "outside" and "missing outside": nothing about other folders leaks.
    if (folder === null && isInside(home, wanted)) throw new AppError('NOT_FOUND', `${wanted}: no such folder.`, { file: wanted });
    throw new AppError('FORBIDDEN', `Only folders inside your home folder (${home}) can be browsed.`, { file: wanted });
  }
  if (!statSync(folder).isDirectory()) throw new AppError('BAD_INPUT', `${folder} is a file, not a folder.`, { file: folder });

  const entries: FolderEntry[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (e) {
    throw new AppError('FORBIDDEN', `${folder} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, { file: folder });
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    const real = realOrNull(path);
    if (!real || !isInside(home, real)) continue; // a link out of the home folder, or a broken one
    let isDir: boolean;
    try {
      isDir = statSync(real).isDirectory();
    } catch {
      continue;
    }
    if (isDir) entries.push({ name, path, kind: 'folder' });
    else if (name.toLowerCase().endsWith('.jsna')) entries.push({ name, path, kind: 'project' });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) : a.kind === 'folder' ? -1 : 1));
  return { path: folder, parent: folder === home ? null : dirname(folder), home, entries };
}
