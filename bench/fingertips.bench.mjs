// Fingertips fetch benchmark (issue 13): fetching and importing a 100,000-row response from the
// local replay server (test/helpers/fingertipsReplay.ts on 127.0.0.1, the client exactly as against
// the real service) against importing the very same bytes from disk, measured back to back in this
// run. Goal: fetch + import ≥ 0.9× the rows/s of the import from disk. Both read in the import
// worker, as the app does (bundled beside the bench's bundle, where workerImport.ts looks).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeBundle } from '../scripts/esbuildNode.mjs';
import { loadBundle, root } from './bundle.mjs';

const ROWS = Number(process.env.JSNA_BENCH_FINGERTIPS_ROWS ?? 100_000);
const ROUNDS = Number(process.env.JSNA_BENCH_FINGERTIPS_ROUNDS ?? 5);
const YEARS = 10;
const AREAS = ROWS / YEARS;
const HEADER =
  'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,' +
  'Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,' +
  'Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal';

/** Indicator 93356 (the replay server's recorded metadata is for it) over 10,000 areas and 10 years. */
async function writeResponse(path) {
  const out = createWriteStream(path);
  out.write(`${HEADER}\r\n`);
  let buf = '';
  for (let year = 0; year < YEARS; year++) {
    for (let a = 0; a < AREAS; a++) {
      const i = year * AREAS + a;
      const count = 50 + ((i * 7919) % 900);
      const denominator = 100_000 + ((i * 104729) % 400_000);
      const v = (count / denominator) * 100_000;
      const code = a === 0 ? 'E92000001' : `E06${String(a).padStart(6, '0')}`;
      const label = a === 0 ? 'Not compared' : ['Better', 'Similar', 'Worse'][i % 3];
      buf += `93356,"Campylobacter incidence rate/100,000\n",E12000004,East Midlands region,${code},Area ${a},County & UA,Persons,All ages,,,${2010 + year},${v},${v * 0.9},${v * 1.1},,,${count},${denominator},,,${label},Similar,${2010 + year}0000,\r\n`;
      if (buf.length > 1 << 16) {
        if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
        buf = '';
      }
    }
  }
  await new Promise((r) => out.end(buf, r));
}

/** The replay server in a child process, answering every data request with `file`'s bytes. */
async function replayProcess(file, dir) {
  const bundle = join(root, 'dist', 'bench', 'fingertipsReplay.cjs');
  await build({ ...nodeBundle, sourcemap: false, entryPoints: [join(root, 'test', 'helpers', 'fingertipsReplay.ts')], outfile: bundle });
  const script = join(dir, 'replay-child.cjs');
  writeFileSync(
    script,
    `const { startFingertipsReplay } = require(${JSON.stringify(bundle)});
     startFingertipsReplay({ port: 0, fixtures: ${JSON.stringify(join(root, 'test', 'fixtures', 'fingertips-api'))} }).then((r) => {
       r.fault('/api/all_data', { body: require('node:fs').readFileSync(${JSON.stringify(file)}) });
       process.stdout.write(r.url + '\\n');
     });`,
  );
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the replay server stopped (exit code ${code})`)));
    child.stdout.once('data', (d) => resolve(String(d).trim()));
  });
  return { url, close: () => child.kill() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  const m = await loadBundle(
    'fingertips',
    `export { importToPath } from './electron/services/library/importFiles';
     export { fingertipsClient } from './electron/services/fingertips';
     export { fetchToLibrary } from './electron/services/fingertips/fetchData';`,
  );
  await build({ ...nodeBundle, sourcemap: false, entryPoints: [join(root, 'electron/services/library/importWorker.ts')], outfile: join(root, 'dist', 'bench', 'libraryImportWorker.cjs') });
  const dir = mkdtempSync(join(tmpdir(), 'jsna-bench-fingertips-'));
  try {
    const file = join(dir, 'response.csv');
    await writeResponse(file);
    const bytes = statSync(file).size;
    // The server in a process of its own, as Fingertips is not in ours: in this process its sending
    // would take turns with the import's inserts on the same thread.
    const replay = await replayProcess(file, dir);
    const fetchMs = [];
    const diskMs = [];
    try {
      const client = m.fingertipsClient(replay.url);
      for (let round = 0; round < ROUNDS; round++) {
        let t = performance.now();
        await m.importToPath(join(dir, `disk-${round}.jsnalib`), [file]);
        diskMs.push(performance.now() - t);
        t = performance.now();
        const summary = await m.fetchToLibrary(client, join(dir, `fetch-${round}.jsnalib`), [{ indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 }]);
        fetchMs.push(performance.now() - t);
        if (summary.rows !== ROWS) throw new Error(`the fetch imported ${summary.rows} rows, not ${ROWS}`);
      }
    } finally {
      replay.close();
    }
    const rate = (ms) => Math.round(ROWS / (ms / 1000));
    const best = (xs) => Math.min(...xs);
    return {
      name: 'Fingertips fetch (issue 13)',
      notes:
        `A ${ROWS.toLocaleString('en-GB')}-row, ${(bytes / 2 ** 20).toFixed(1)} MB response served by the replay server (in a process of its own) on 127.0.0.1 and ` +
        'fetched by the client into a new library: the download starts at once and the strict importer (in the import worker, as in the app) ' +
        'reads it as it arrives, teed to a temporary file (the metadata requests run meanwhile; the import waits for them before its first row). ' +
        `Peer: importing the same bytes from disk into a new library, the same importer. ${ROUNDS} rounds, alternating; best and median.`,
      rows: [
        { metric: 'fetch + import, rows/s (best)', ours: rate(best(fetchMs)).toLocaleString('en-GB'), peer: `${rate(best(diskMs)).toLocaleString('en-GB')} (import from disk)`, ratio: `${(best(diskMs) / best(fetchMs)).toFixed(2)}×`, goal: '≥ 0.9×' },
        { metric: 'fetch + import, rows/s (median)', ours: rate(median(fetchMs)).toLocaleString('en-GB'), peer: `${rate(median(diskMs)).toLocaleString('en-GB')} (import from disk)`, ratio: `${(median(diskMs) / median(fetchMs)).toFixed(2)}×`, goal: '≥ 0.9×' },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
