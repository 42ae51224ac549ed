// `npm test`: build, type-check, then every test (unit, integration on real SQLite, E2E in real
// Chromium). Ends with a plain "N passed, N failed" line that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

if (run(process.execPath, ['scripts/build.mjs']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const typecheckFailed = run(process.execPath, ['scripts/typecheck.mjs']) !== 0;

mkdirSync('test-results', { recursive: true });
const report = join('test-results', 'vitest.json');
rmSync(report, { force: true });
const vitest = run(process.execPath, [
  'node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2),
]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (vitest !== 0 && failed === 0) failed = 1; // e.g. a suite that failed to load
} else {
  failed = 1;
}
if (typecheckFailed) {
  console.log('typecheck failed (counted as one failure)');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || vitest !== 0 ? 1 : 0);
