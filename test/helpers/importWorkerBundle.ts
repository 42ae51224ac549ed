import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the library's import worker into `dir` as scripts/build.mjs bundles it into
 * dist/electron/libraryImportWorker.cjs, for tests that run the import as the app does. Returns its path.
 */
export async function bundleImportWorker(dir: string): Promise<string> {
  const outfile = join(dir, 'libraryImportWorker.cjs');
  await build({
    entryPoints: [resolve(__dirname, '..', '..', 'electron', 'services', 'library', 'importWorker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
