import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The app's bundled `resources/` folder (sample workspace, sample library). Found by walking up
 * from this module — works from the sources (tests), from dist/ bundles and from a packaged app,
 * where electron-builder copies resources/ beside the app. JSNA_RESOURCES_DIR overrides.
 */
export function resourcesDir(): string {
  if (process.env.JSNA_RESOURCES_DIR) return process.env.JSNA_RESOURCES_DIR;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'sample'))) return candidate;
    dir = dirname(dir);
  }
  return resolve(process.cwd(), 'resources');
}
