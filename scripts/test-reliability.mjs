// `npm run test:reliability`: the reliability suite (test/reliability) with its full counts
// (200 SIGKILLs, 1,000 fuzzed CSVs, every XSS payload pasted, 10,000 RPC payloads). `npm test` runs
// the same files with bounded counts. Ends with one line per item: tried / failed / lost.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const env = { ...process.env, JSNA_RELIABILITY: 'full' };
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env }).status ?? 1;

if (run(['scripts/build.mjs']) !== 0) process.exit(1);
mkdirSync('test-results', { recursive: true });
const figures = join('test-results', 'reliability.txt');
rmSync(figures, { force: true });
const started = Date.now();
const status = run(['node_modules/vitest/vitest.mjs', 'run', 'test/reliability', ...process.argv.slice(2)]);
console.log(`\nReliability figures (full counts, ${Math.round((Date.now() - started) / 1000)} s):`);
if (existsSync(figures)) for (const line of readFileSync(figures, 'utf8').trim().split('\n')) console.log(`  ${line.replace(/^\S+ /, '')}`);
process.exit(status);
