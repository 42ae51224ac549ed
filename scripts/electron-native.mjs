// Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, leaving the
// Node build in node_modules (used by tests, the CLI and browser mode) untouched. The main process
// loads it through better-sqlite3's `nativeBinding` option. Needs Electron's headers (internet).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = join(root, '.electron-native');
const out = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const stamp = JSON.stringify({ electronVersion, sqliteVersion, platform: process.platform, arch: process.arch });

if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is up to date (${out}).`);
  process.exit(0);
}

const src = join(outDir, 'src');
rmSync(src, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(sqliteDir, src, { recursive: true, filter: (p) => !p.includes(`${sqliteDir}/build`) && !p.includes('node_modules') });

const nodeGyp = join(dirname(require.resolve('npm/package.json', { paths: [dirname(process.execPath), '/usr/lib/node_modules', '/usr/local/lib/node_modules'] })), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const env = { ...process.env };
for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k];
console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
const r = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`], {
  cwd: src,
  stdio: 'inherit',
  env,
});
if (r.status !== 0) {
  console.error('Could not build better-sqlite3 for Electron (its headers are downloaded from electronjs.org). Browser mode still works: npm run serve.');
  process.exit(1);
}
cpSync(join(src, 'build', 'Release', 'better_sqlite3.node'), out);
writeFileSync(stampFile, stamp);
rmSync(src, { recursive: true, force: true });
console.log(`Wrote ${out}`);
