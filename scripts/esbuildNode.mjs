// Shared esbuild settings for the Node-side bundles (main process, preload, browser-mode server, CLI).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** `import sql from './001_init.sql?raw'` → the file's text, as Vite/Vitest do. */
export const rawPlugin = {
  name: 'raw',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/\?raw$/, '')),
      namespace: 'raw',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  plugins: [rawPlugin],
  logLevel: 'warning',
};
