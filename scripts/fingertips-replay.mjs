// Starts the Fingertips replay server (test/helpers/fingertipsReplay.ts) by hand, for a demo without
// internet: `node scripts/fingertips-replay.mjs [port]`, then point the app at the address it prints
// (JSNA_FINGERTIPS_URL=… npm run serve). Type "newer" and Enter to serve the newer recorded period.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const out = join(import.meta.dirname, '..', 'dist', 'fingertips-replay.cjs');
await build({ entryPoints: [join(import.meta.dirname, '..', 'test', 'helpers', 'fingertipsReplay.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const { startFingertipsReplay } = createRequire(import.meta.url)(out);
const server = await startFingertipsReplay({ port: Number(process.argv[2] ?? 0), fixtures: join(import.meta.dirname, '..', 'test', 'fixtures', 'fingertips-api') });
console.log(`Fingertips replay server: ${server.url}`);
console.log('Type "newer" to serve the newer recorded period, "older" to go back, Ctrl+C to stop.');
createInterface({ input: process.stdin }).on('line', (l) => {
  if (l.trim() === 'newer') server.serveNewer(true);
  if (l.trim() === 'older') server.serveNewer(false);
  console.log(`Serving the ${l.trim() === 'newer' ? 'newer' : 'recorded'} edition.`);
});
