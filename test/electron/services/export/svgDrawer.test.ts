import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChapter, listChapters } from '../../../../electron/services/documents/chapters';
import { drawFigures } from '../../../../electron/services/export/figures';
import { figurePool, stopWarmPool, warmPool } from '../../../../electron/services/export/figurePool';
import { drawerFor, figureWorkerPath, idleCoresNow, inThreadDrawer, MIN_CHARTS_FOR_WORKERS, sharedDrawer, workerCount } from '../../../../electron/services/export/svgDrawer';
import { type Library, openLibrary } from '../../../../electron/services/library/openLibrary';
import { openProject } from '../../../../electron/services/project/project';
import { type ChartAttrs, defaultChartAttrs } from '../../../../shared/editor/nodes/chart';
import { sampleWorkspace } from './helpers';

const root = resolve(__dirname, '..', '..', '..', '..');

describe('drawing figure images on worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-svg-workers-'));
  // Inside the repository, so the bundle's packages resolve from node_modules.
  const workerPath = join(root, 'dist', 'test', `exportFigureWorker-${process.pid}.cjs`);
  let library: Library;
  let charts: ChartAttrs[] = [];

  beforeAll(async () => {
    const { nodeBundle } = (await import(join(root, 'scripts', 'esbuildNode.mjs'))) as { nodeBundle: Record<string, unknown> };
    await build({ ...nodeBundle, sourcemap: false, entryPoints: [join(root, 'electron', 'services', 'export', 'figureWorker.ts')], outfile: workerPath });
    const ws = await sampleWorkspace(join(dir, 'ws'));
    const project = openProject(ws.projectPath, { readOnly: true });
    const walk = (n: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }) => {
      if (n.type === 'chart') charts.push({ ...defaultChartAttrs, ...n.attrs } as ChartAttrs);
      for (const c of n.content ?? []) walk(c as never);
    };
    for (const c of listChapters(project)) walk(getChapter(project, c.id).doc as never);
    project.close();
    library = openLibrary(ws.libraryPath, { readOnly: true });
    charts = [...charts, ...charts, ...charts]; // 21
  });
  afterAll(async () => {
    await stopWarmPool();
    library?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(workerPath, { force: true });
  });

  it('draws exactly what the main thread draws, in document order, numbered the same', { timeout: 60_000 }, async () => {
    const here = await drawFigures(charts, library, { drawer: inThreadDrawer });
    const pool = figurePool(workerPath, 2);
    const seen: number[] = [];
    try {
      const there = await drawFigures(charts, library, { drawer: pool.session(charts.length), onDrawn: (done) => seen.push(done) });
      expect(there.figures).toEqual(here.figures);
      expect(there.figures.map((f) => f.ok && f.number)).toEqual(charts.map((_, i) => i + 1));
      expect(seen).toEqual(charts.map((_, i) => i + 1));
      expect(there.timings.svgMs).toBeGreaterThan(0);
    } finally {
      await pool.stop();
    }
  });

  it('with this thread taking over jobs the worker has not started: the same figures', { timeout: 60_000 }, async () => {
    const here = await drawFigures(charts, library, { drawer: inThreadDrawer });
    const pool = figurePool(workerPath, 1);
    const session = pool.session(charts.length);
    const stolen: number[] = [];
    const steal = session.steal.bind(session);
    session.steal = () => {
      const q = steal();
      if (q) stolen.push(1);
      return q;
    };
    const drawer = sharedDrawer(session, 1);
    try {
      // Every job goes to the worker at once; this thread, free after loading the rows, takes over
      // the ones it has not started (the last of them at least: the worker draws in order).
      const there = await drawFigures(charts, library, { drawer });
      expect(there.figures).toEqual(here.figures);
      expect(stolen.length).toBeGreaterThan(0);
    } finally {
      await drawer.close();
      await pool.stop();
    }
  });

  it('a cancelled export rejects as cancelled', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const many = [...charts, ...charts];
    const err = await drawFigures(many, library, {
      signal: controller.signal,
      drawer: drawerFor(many.length, { workerPath, workers: 2 }),
      onDrawn: (done) => {
        if (done === 2) controller.abort();
      },
    }).catch((e: unknown) => e as { code?: string });
    expect(err).toMatchObject({ code: 'CANCELLED' });
  });

  it('keeps the workers warm: after a cancelled export, the second and third export on the same pool draw the same figures', { timeout: 90_000 }, async () => {
    const many = [...charts, ...charts]; // 42: long enough for workers
    const here = await drawFigures(many, library, { drawer: inThreadDrawer });
    const controller = new AbortController();
    const first = drawerFor(many.length, { workerPath, workers: 1 });
    const pool = warmPool(workerPath, () => 1)!;
    const err = await drawFigures(many, library, { signal: controller.signal, drawer: first, onDrawn: (done) => done === 3 && controller.abort() }).catch((e: unknown) => e as { code?: string });
    expect(err).toMatchObject({ code: 'CANCELLED' });
    await first.close();
    for (let round = 0; round < 2; round++) {
      const drawer = drawerFor(many.length, { workerPath, workers: 1 });
      expect(warmPool(workerPath, () => 1)).toBe(pool); // the same threads, not new ones
      const there = await drawFigures(many, library, { drawer });
      await drawer.close();
      expect(there.figures).toEqual(here.figures);
    }
    expect(pool.alive).toBe(true);
  });

  it('an idle pool stops on its own; a session cannot outgrow the figures it was opened for', { timeout: 60_000 }, async () => {
    const pool = figurePool(workerPath, 1, { keepWarmMs: 50 });
    const session = pool.session(1);
    const job = { spec: { data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } } as never, labelId: 'a', descriptionId: 'b' };
    await expect(session.draw(job)).resolves.toMatchObject({ svg: expect.stringContaining('<svg') });
    await expect(session.draw(job)).rejects.toThrow(/holds 1 figures/);
    await session.close();
    expect(pool.alive).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(pool.alive).toBe(false);
  });

  it('a worker that stops fails its export with that, and the next export gets a new pool', { timeout: 60_000 }, async () => {
    const dying = join(dir, 'dying-worker.cjs');
    writeFileSync(dying, "require('node:worker_threads').parentPort.once('message', () => {}); setTimeout(() => process.exit(3), 200);");
    const pool = warmPool(dying, () => 1)!;
    const drawer = drawerFor(100, { workerPath: dying, workers: 1 });
    await expect(drawer.draw({ spec: {} as never, labelId: 'a', descriptionId: 'b' })).rejects.toThrow(/exit code 3/);
    await drawer.close();
    expect(pool.alive).toBe(false);
    expect(warmPool(dying, () => 1)).not.toBe(pool);
    await stopWarmPool();
  });

  it('a chart the worker cannot draw fails the export with its reason', { timeout: 60_000 }, async () => {
    const pool = figurePool(workerPath, 1);
    try {
      await expect(pool.session(1).draw({ spec: { data: { url: 'https://example.org/x.csv' }, mark: 'bar' } as never, labelId: 'a', descriptionId: 'b' })).rejects.toThrow(/may not load anything/);
    } finally {
      await pool.stop();
    }
  });

  it('uses workers only for long documents, when the worker bundle exists and not turned off', () => {
    expect(drawerFor(MIN_CHARTS_FOR_WORKERS - 1, { workerPath, workers: 2 })).toBe(inThreadDrawer);
    expect(drawerFor(100, { workerPath: null, workers: 2 })).toBe(inThreadDrawer);
    expect(drawerFor(100, { workerPath, workers: 0 })).toBe(inThreadDrawer);
    const pool = drawerFor(100, { workerPath, workers: 2 });
    expect(pool).not.toBe(inThreadDrawer);
    void pool.close();
    // Run from its TypeScript sources there is no bundle beside it; JSNA_EXPORT_WORKER=0 turns it off.
    expect(figureWorkerPath({})).toBeNull();
    expect(figureWorkerPath({ JSNA_EXPORT_WORKER: workerPath })).toBe(workerPath);
    expect(figureWorkerPath({ JSNA_EXPORT_WORKER: '0' })).toBeNull();
    // One per idle core besides the main thread (which draws too), up to four, none unless two are idle.
    expect(workerCount(1)).toBe(0);
    expect(workerCount(1.5)).toBe(0);
    expect(workerCount(1.8)).toBe(1);
    expect(workerCount(2)).toBe(1);
    expect(workerCount(2.6)).toBe(1);
    expect(workerCount(4)).toBe(3);
    expect(workerCount(16)).toBe(4);
    const idle = idleCoresNow(50);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(cpus().length + 0.01);
  });
});
