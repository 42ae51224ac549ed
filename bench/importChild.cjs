// The import benchmark's child process (bench/library.bench.mjs): imports one file into a new library
// with the bundled service and prints {seconds, rows, maxRssMB} as JSON.
// Usage: node bench/importChild.cjs <library bundle.cjs> <new library path> <file.csv>
//
// Peak RSS is this process's own high-water mark (VmHWM in /proc/self/status). Not
// resourceUsage().maxRSS: on Linux a spawned child's ru_maxrss starts at its parent's RSS when it
// was spawned (measured: a parent holding 1.2 GB made an empty child report 1,233 MB), so after
// other benches in one run it reported theirs. Until 2026-12-03 this script lived in a template
// string where `\s` and `\d` lost their backslashes, VmHWM never matched and that fallback was
// used: the "338 MB" of earlier full runs was the bench process's own RSS, not the import's.
const { readFileSync } = require('node:fs');

const [bundle, libraryPath, csv] = process.argv.slice(2);
if (!bundle || !libraryPath || !csv) {
  console.error('usage: node bench/importChild.cjs <library bundle.cjs> <new library path> <file.csv>');
  process.exit(2);
}

function peakRssMB() {
  if (process.platform !== 'linux') throw new Error('the import benchmark reads peak RSS from /proc/self/status (VmHWM): it runs on Linux only');
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!m) throw new Error('VmHWM not found in /proc/self/status');
  return Number(m[1]) / 1024;
}

const lib = require(bundle);
(async () => {
  const t = performance.now();
  const s = await lib.importToPath(libraryPath, [csv]);
  const seconds = (performance.now() - t) / 1000;
  process.stdout.write(JSON.stringify({ seconds, rows: s.rows, maxRssMB: peakRssMB() }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
