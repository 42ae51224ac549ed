import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../../../electron/services/project/project';
import { listRegister } from '../../../../electron/services/recommendations/register';
import { statusHistory } from '../../../../electron/services/recommendations/status';
import { STATUSES } from '../../../../shared/recommendations/status';
import { seededProject } from '../../../helpers/seedProject';
import { useTempDir } from '../../../helpers/tmp';

const root = resolve(__dirname, '..', '..', '..', '..');

async function bundleWriter(outDir: string): Promise<string> {
  const { nodeBundle } = (await import(pathToFileURL(join(root, 'scripts', 'esbuildNode.mjs')).href)) as { nodeBundle: Record<string, unknown> };
  const outfile = join(outDir, 'statusWriter.cjs');
  await build({ ...nodeBundle, sourcemap: false, logLevel: 'error', entryPoints: [join(__dirname, 'fixtures', 'statusWriter.ts')], outfile });
  return outfile;
}

/**
 * Runs the writer from update number `from`, and SIGKILLs it at a random moment once it has
 * reported `atLeast` committed updates. Returns how many it reported.
 */
async function writeThenKill(writer: string, path: string, id: string, from: number, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, [writer, path, id, String(from), '1000000'], {
    // The bundle keeps packages external: resolve them (better-sqlite3, zod) from this checkout.
    env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let reported = 0;
  let stderr = '';
  let partial = '';
  let killing = false;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    reported += lines.length;
    if (reported >= atLeast && !killing) {
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 12));
    }
  });
  const signal = await new Promise<NodeJS.Signals | null>((res) => child.on('close', (_code, sig) => res(sig)));
  expect(stderr).toBe('');
  expect(signal).toBe('SIGKILL');
  return reported;
}

describe('status history and a killed process', () => {
  const tmp = useTempDir();

  it('keeps every committed update whole, none partial, over 100+ edits and repeated SIGKILLs mid-run', async () => {
    const dir = tmp();
    const s = seededProject(dir);
    const id = listRegister(s.project).rows[3]!.id;
    s.project.close();
    const writer = await bundleWriter(dir);

    let committed = 0;
    for (let round = 0; round < 4; round++) {
      const reported = await writeThenKill(writer, s.path, id, committed + 1, 30);
      expect(reported).toBeGreaterThanOrEqual(30);
      // The dead writer's lock is stale (its process is gone), so the project opens for editing.
      const project = openProject(s.path);
      try {
        expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const history = statusHistory(project, id);
        // Everything reported is there, plus at most the one in flight (committed, not yet printed).
        expect(history.length - committed).toBeGreaterThanOrEqual(reported);
        expect(history.length - committed).toBeLessThanOrEqual(reported + 1);
        history.forEach((h, i) => {
          const n = i + 1;
          expect(h.author).toBe(`writer ${n}`);
          expect(h.status).toBe(STATUSES[n % STATUSES.length]);
          expect(h.rag).toBe(n % 2 ? 'Amber' : 'Green');
          expect(h.dueDate).toBe(`2027-01-${String((n % 28) + 1).padStart(2, '0')}`);
          expect(h.lead).toBe(`Lead ${n}`);
          expect(h.note).toBe(`write ${n} ${'progress '.repeat(1500)}end ${n}`);
        });
        expect(listRegister(project).rows[3]).toMatchObject({ updates: history.length, updatedBy: `writer ${history.length}` });
        committed = history.length;
      } finally {
        project.close();
      }
    }
    expect(committed).toBeGreaterThanOrEqual(120);
    expect(existsSync(`${s.path}.lock`)).toBe(false);
  }, 60_000);
});
