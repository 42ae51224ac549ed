// Builds everything the app runs: the renderer (Vite) and the Node-side bundles (esbuild).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { nodeBundle } from './esbuildNode.mjs';

const only = process.argv[2];

if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.mts', logLevel: 'warn' });
}
if (!only || only === 'node') {
  await Promise.all([
    esbuild({ ...nodeBundle, entryPoints: ['electron/serve.ts'], outfile: 'dist/electron/serve.cjs' }),
    esbuild({ ...nodeBundle, entryPoints: ['electron/cli.ts'], outfile: 'dist/electron/cli.cjs' }),
    // The indicator library's import worker (electron/services/library/workerImport.ts finds it beside the bundles).
    esbuild({ ...nodeBundle, entryPoints: ['electron/services/library/importWorker.ts'], outfile: 'dist/electron/libraryImportWorker.cjs' }),
    // The export's figure worker (electron/services/export/svgDrawer.ts finds it beside the bundles).
    esbuild({ ...nodeBundle, entryPoints: ['electron/services/export/figureWorker.ts'], outfile: 'dist/electron/exportFigureWorker.cjs' }),
    esbuild({ ...nodeBundle, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }),
    // A sandboxed preload can only require('electron'): bundle everything else into one file.
    esbuild({ ...nodeBundle, packages: undefined, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], platform: 'browser' }),
  ]);
}
