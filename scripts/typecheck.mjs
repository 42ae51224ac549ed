// `npm run typecheck` (and `npm test`): type-checks each part of the tree with its own tsconfig
// (tsconfigs/<part>.json, parts in typecheckParts.mjs), so that the layer boundaries are enforced:
// shared code without Node or DOM, the renderer without Node, services without Electron, main
// with Electron, tests. Exits 1 when any part fails.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { TYPECHECK_PARTS } from './typecheckParts.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let failed = false;
for (const part of TYPECHECK_PARTS) {
  const r = spawnSync(process.execPath, [tsc, '-p', `tsconfigs/${part}.json`], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`typecheck: tsconfigs/${part}.json failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
