// `npm run --silent jsna -- <command>`: bundles the CLI (about a tenth of a second) and runs it,
// so the command always matches the sources.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { nodeBundle } from './esbuildNode.mjs';

const outfile = resolve(import.meta.dirname, '..', 'dist', 'electron', 'cli.cjs');
await build({ ...nodeBundle, sourcemap: false, entryPoints: [resolve(import.meta.dirname, '..', 'electron', 'cli.ts')], outfile });
createRequire(import.meta.url)(outfile);
