// Type-checks each part of the tree with its own tsconfig (see tsconfigs/): shared code without
// Node or DOM, the renderer without Node, services without Electron, main with Electron, tests.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let failed = false;
for (const part of ['shared', 'renderer', 'node', 'main', 'test']) {
  const r = spawnSync(process.execPath, [tsc, '-p', `tsconfigs/${part}.json`], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`typecheck: tsconfigs/${part}.json failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
