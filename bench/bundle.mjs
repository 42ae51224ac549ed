// Bundles TypeScript service code for a benchmark into dist/bench/ (inside the repo, so its
// packages resolve from node_modules) and loads it.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { nodeBundle } from '../scripts/esbuildNode.mjs';

export const root = resolve(import.meta.dirname, '..');
export const requireFromRoot = createRequire(join(root, 'package.json'));

/** `contents` is TypeScript evaluated at the repo root, e.g. "export * from './electron/services/…'". */
export async function loadBundle(name, contents) {
  const outfile = join(root, 'dist', 'bench', `${name}.cjs`);
  await build({ ...nodeBundle, sourcemap: false, stdin: { contents, resolveDir: root, loader: 'ts' }, outfile });
  return requireFromRoot(outfile);
}
