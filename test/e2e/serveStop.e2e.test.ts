import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run serve` keeps its print Chromium running (export/warmPrinter.ts); Ctrl+C closes it before the server exits. */
describe('E2E: stopping `npm run serve` after a PDF export', () => {
  // Its own temp folder per run (os.tmpdir() follows TMPDIR): the print Chromium's profile is made in it.
  const root = mkdtempSync(join(tmpdir(), 'jsna-e2e-serve-stop-'));
  let tmp = root;
  const dataDir = mkdtempSync(join(tmpdir(), 'jsna-e2e-serve-stop-data-'));
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });
  const profiles = () => readdirSync(tmp).filter((f) => f.startsWith('jsna-print-'));
  const chromiums = () =>
    execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(join(tmp, 'jsna-print-'))).length;

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: the print Chromium is closed and its profile removed, not left in the temp folder`, { timeout: 90_000 }, async () => {
      tmp = mkdtempSync(join(root, `${signal}-`));
      const serve = resolve(__dirname, '..', '..', 'dist', 'electron', 'serve.cjs');
      expect(existsSync(serve), 'run "node scripts/build.mjs" first').toBe(true);
      const proc = spawn(process.execPath, [serve], { env: { ...process.env, JSNA_DATA_DIR: dataDir, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      let out = '';
      proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const url = await new Promise<string>((ok, fail) => {
        proc.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
          if (m) ok(m[1]!);
        });
        proc.on('exit', () => fail(new Error(`serve exited: ${out}`)));
      });
      const token = new URL(url).hash.replace(/^#token=/, '');
      const exported = (await fetch(new URL('/rpc/export.document', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-jsna-token': token },
        body: JSON.stringify({ format: 'pdf' }),
      }).then((r) => r.json())) as { ok: boolean; result?: { status: string } };
      expect(exported).toMatchObject({ ok: true, result: { status: 'download' } });
      // Kept running for the next export.
      expect(profiles()).toHaveLength(1);
      expect(chromiums()).toBeGreaterThan(0);
      const exited = new Promise<number | null>((ok) => proc.once('exit', (code) => ok(code)));
      proc.kill(signal);
      expect(await exited).toBe(0);
      expect(profiles()).toEqual([]);
      // Its processes a moment after it closed.
      await expect.poll(() => chromiums(), { timeout: 10_000 }).toBe(0);
    });
  }
});
