// Item 1: a child process autosaving edits, importing a library file and taking a backup is
// SIGKILLed at random points. After each kill: integrity_check ok on project, library and every
// backup; every edit acknowledged before the kill is present; no import is half applied.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/services/backup/backupStore';
import { backupProblem } from '../../electron/services/backup/verifyBackup';
import { openLibrary } from '../../electron/services/library/openLibrary';
import { createProject, openProject } from '../../electron/services/project/project';
import { useTempDir } from '../helpers/tmp';
import { count, reportFigure, timeoutFor } from './figures';

const root = resolve(__dirname, '..', '..');
const fixture = join(root, 'test', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');
const KILLS = count(6, 200);

async function bundleWorker(outDir: string): Promise<string> {
  const { nodeBundle } = (await import(pathToFileURL(join(root, 'scripts', 'esbuildNode.mjs')).href)) as { nodeBundle: Record<string, unknown> };
  const outfile = join(outDir, 'crashWorker.cjs');
  await build({ ...nodeBundle, sourcemap: false, logLevel: 'error', entryPoints: [join(__dirname, 'fixtures', 'crashWorker.ts')], outfile });
  return outfile;
}

interface Acks {
  edits: number[];
  imports: number;
  backups: number;
  stderr: string;
  signal: NodeJS.Signals | null;
}

/** Runs the worker from edit `from` and kills it `delayMs` after its first acknowledged edit. */
async function runThenKill(worker: string, args: string[], env: NodeJS.ProcessEnv, delayMs: number): Promise<Acks> {
  const child = spawn(process.execPath, [worker, ...args], { env: { ...env, NODE_PATH: join(root, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Acks = { edits: [], imports: 0, backups: 0, stderr: '', signal: null };
  let partial = '';
  let armed = false;
  child.stderr.on('data', (d: Buffer) => (acks.stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const l of lines) {
      const [kind, n] = l.split(' ');
      if (kind === 'e') acks.edits.push(Number(n));
      if (kind === 'i') acks.imports++;
      if (kind === 'b') acks.backups++;
    }
    if (!armed && acks.edits.length) {
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  acks.signal = await new Promise((res) => child.on('close', (_c, sig) => res(sig)));
  return acks;
}

describe('crash safety: SIGKILL while autosaving, importing and backing up', () => {
  const tmp = useTempDir();

  it(`loses no acknowledged edit and half-applies no import over ${KILLS} kills at random points`, async () => {
    const dir = tmp();
    const projectPath = join(dir, 'p.jsna');
    const libraryPath = join(dir, 'lib.jsnalib');
    const csvB = join(dir, 'b.csv');
    // The same rows in a different file (another sha256): importing it replaces every value.
    writeFileSync(csvB, Buffer.concat([readFileSync(fixture), Buffer.from('\r\n')]));
    createProject(projectPath, 'Crash').close();
    const env = { ...process.env, JSNA_BACKUP_DIR: join(dir, 'backups') };
    const worker = await bundleWorker(dir);

    const acknowledged = new Set<number>();
    let next = 1;
    let lost = 0;
    let imports = 0;
    let backups = 0;
    const problems: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      const delay = Math.floor(Math.random() * 700);
      const acks = await runThenKill(worker, [projectPath, libraryPath, fixture, csvB, String(next)], env, delay);
      if (acks.signal !== 'SIGKILL' || acks.stderr) {
        problems.push(`kill ${k}: signal ${acks.signal}, stderr ${acks.stderr.slice(0, 300)}`);
      }
      for (const n of acks.edits) acknowledged.add(n);
      imports += acks.imports;
      backups += acks.backups;

      const project = openProject(projectPath, { readOnly: true });
      try {
        const ok = project.db.pragma('integrity_check', { simple: true });
        if (ok !== 'ok') problems.push(`kill ${k}: project integrity_check: ${String(ok)}`);
        const titles = new Set((project.db.prepare('SELECT title FROM chapters').all() as Array<{ title: string }>).map((r) => r.title));
        const missing = [...acknowledged].filter((n) => !titles.has(`edit ${n}`));
        lost += missing.length;
        if (missing.length) problems.push(`kill ${k}: acknowledged edits missing: ${missing.slice(0, 10).join(', ')}`);
        // The next run starts after the highest edit present (one in flight may have committed unprinted).
        const present = [...titles].map((t) => Number(/^edit (\d+)$/.exec(t)?.[1] ?? 0));
        next = Math.max(next, ...present, ...acks.edits) + 1;
      } finally {
        project.close();
      }
      try {
        const lib = openLibrary(libraryPath, { readOnly: true });
        try {
          const ok = lib.db.pragma('integrity_check', { simple: true });
          if (ok !== 'ok') problems.push(`kill ${k}: library integrity_check: ${String(ok)}`);
          const newest = lib.db.prepare('SELECT id, rows FROM vintages ORDER BY id DESC LIMIT 1').get() as { id: number; rows: number } | undefined;
          const vals = lib.db.prepare('SELECT count(*) AS n, count(DISTINCT vintage_id) AS v, max(vintage_id) AS maxV FROM indicator_values').get() as { n: number; v: number; maxV: number | null };
          if (newest && (vals.n !== newest.rows || vals.v !== 1 || vals.maxV !== newest.id)) {
            problems.push(`kill ${k}: half-applied import: ${vals.n} values from ${vals.v} vintages, newest vintage ${newest.id} has ${newest.rows} rows`);
          }
          if (!newest && vals.n !== 0) problems.push(`kill ${k}: ${vals.n} values without a vintage`);
        } finally {
          lib.close();
        }
      } catch (e) {
        // The kill may land before the library file was first created and committed.
        if (!/no such file/.test((e as Error).message)) problems.push(`kill ${k}: library: ${(e as Error).message}`);
      }
      for (const b of listBackups(projectPath, env)) {
        const p = backupProblem(b.path);
        if (p) problems.push(`kill ${k}: backup ${p}`);
      }
    }
    reportFigure('crash safety (SIGKILL)', {
      tried: KILLS,
      failed: problems.length,
      lost,
      note: `${acknowledged.size} acknowledged edits, ${imports} imports, ${backups} backups`,
    });
    expect(problems).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(KILLS);
  }, timeoutFor(KILLS, 2500));
});
