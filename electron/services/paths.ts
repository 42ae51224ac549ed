import { homedir } from 'node:os';
import { join } from 'node:path';

/** The user's data folder for JSNA Studio (override with JSNA_DATA_DIR). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.JSNA_DATA_DIR) return env.JSNA_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'JSNA Studio');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'JSNA Studio');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'jsna-studio');
}

/** The list of recently opened projects (the project picker offers them). */
export function recentProjectsFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return join(userDataDir(env, platform), 'recent-projects.json');
}

export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return join(userDataDir(env, platform), 'indicator-library.jsnalib');
}
