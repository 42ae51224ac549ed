import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives in .electron-native/ (made by
 * scripts/electron-native.mjs) so it never clobbers the Node build that tests and the CLI use.
 * Packaged apps get it unpacked beside the app.
 */
export function electronNativeBinding(appRoot: string, resourcesPath: string | undefined): string | undefined {
  const candidates = [
    join(appRoot, '.electron-native', 'better_sqlite3.node'),
    ...(resourcesPath ? [join(resourcesPath, 'electron-native', 'better_sqlite3.node')] : []),
  ];
  return candidates.find((p) => existsSync(p));
}
