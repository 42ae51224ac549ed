// `npm run --silent jsna -- <command>`: bundles the CLI (about a tenth of a second) and runs it,
// so the command always matches the sources.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { nodeBundle } from './esbuildNode.mjs';

const outfile = resolve(import.meta.dirname, '..', 'dist', 'electron', 'cli.cjs');
await build({ ...nodeBundle, sourcemap: false, entryPoints: [resolve(import.meta.dirname, '..', 'electron', 'cli.ts')], outfile });
// `npm run` runs scripts in the package's folder; the paths a user types are relative to where they
// typed them (npm passes that as INIT_CWD).
if (process.env.npm_lifecycle_event === 'jsna' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
createRequire(import.meta.url)(outfile);
