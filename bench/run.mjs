// `npm run bench`: runs every capability's benchmark (bench/*.bench.mjs, each exporting
// `run()` → { name, rows: [{ metric, ours, peer?, ratio?, goal? }] }) and writes BENCHMARKS.md
// with the machine it ran on. Peers are measured in the same run.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const only = process.argv[2];
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only))).sort();
const sections = [];
for (const f of files) {
  console.log(`bench: ${f}…`);
  const mod = await import(pathToFileURL(join(dir, f)).href);
  const started = Date.now();
  const result = await mod.run();
  console.log(`bench: ${f} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  sections.push(result);
}

const cpu = cpus();
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString()}.`,
  '',
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}, Node ${process.version}.`,
  'Each peer was measured in the same run on the same machine and input. Timings on a shared 2-core machine are noisy; ratios hold better.',
  '',
];
for (const s of sections) {
  lines.push(`## ${s.name}`, '');
  if (s.notes) lines.push(s.notes, '');
  lines.push('| metric | ours | peer | ratio | goal |', '| --- | --- | --- | --- | --- |');
  for (const r of s.rows) lines.push(`| ${r.metric} | ${r.ours} | ${r.peer ?? '—'} | ${r.ratio ?? '—'} | ${r.goal ?? '—'} |`);
  lines.push('');
}
writeFileSync(join(dir, '..', 'BENCHMARKS.md'), `${lines.join('\n')}\n`);
console.log('Wrote BENCHMARKS.md');
