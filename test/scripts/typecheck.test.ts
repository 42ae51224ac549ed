import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run typecheck` enforces the layer boundaries: it runs scripts/typecheck.mjs, which checks
 * every part with its own tsconfigs/<part>.json. Each config is proved here on small files in a
 * temp folder (never in the tree, so an interrupted run leaves nothing behind): a temp tsconfig
 * extends the real one and checks only those files. Every offending file also compiles under a
 * config that allows it, so each failure is the boundary's and not a module that cannot be found.
 */
const root = join(__dirname, '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const files = {
  'nodeImport.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'domUse.ts': 'export const title = (): string => document.title;\n',
  'electronImport.ts': "import { app } from 'electron';\nexport const version = (): string => app.getVersion();\n",
  'clean.ts': 'export const twice = (n: number): number => n * 2;\n',
};
type FileName = keyof typeof files;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jsna-typecheck-'));
  // Module and type resolution from the temp folder as from the tree.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'src'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'src', name), text);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Checked {
  status: number;
  /** Each file's errors; the forbidden-electron stub's under "electron". */
  errors: Record<string, string[]>;
}

/** Runs tsc with tsconfigs/<part>.json's settings on the given files only. */
function check(part: string, names: FileName[]): Promise<Checked> {
  const config = join(dir, `tsconfig.${part}.json`);
  writeFileSync(config, JSON.stringify({ extends: join(root, 'tsconfigs', `${part}.json`), include: [], files: names.map((n) => join(dir, 'src', n)) }));
  return new Promise((done) => {
    execFile(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: dir, encoding: 'utf8' }, (error, stdout, stderr) => {
      const errors: Record<string, string[]> = {};
      for (const line of `${stdout}${stderr}`.split('\n').filter((l) => l.includes('error TS'))) {
        const key = line.includes('electron-is-main-only') ? 'electron' : (names.find((n) => line.includes(n)) ?? 'other');
        (errors[key] ??= []).push(line);
      }
      done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, errors });
    });
  });
}

/** The four checks run at once (each is one tsc start-up, most of its time). */
let results: Record<'shared' | 'renderer' | 'node' | 'main', Checked>;
beforeAll(async () => {
  const [shared, renderer, node, main] = await Promise.all([
    check('shared', ['nodeImport.ts', 'domUse.ts', 'electronImport.ts', 'clean.ts']),
    check('renderer', ['nodeImport.ts', 'domUse.ts', 'electronImport.ts']),
    check('node', ['nodeImport.ts', 'electronImport.ts']),
    check('main', ['nodeImport.ts', 'domUse.ts', 'electronImport.ts', 'clean.ts']),
  ]);
  results = { shared: shared!, renderer: renderer!, node: node!, main: main! };
});

describe('npm run typecheck enforces the layer boundaries', () => {
  it('runs scripts/typecheck.mjs, which checks every tsconfigs/*.json part', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.typecheck).toBe('node scripts/typecheck.mjs');
    const { TYPECHECK_PARTS } = (await import(pathToFileURL(join(root, 'scripts', 'typecheckParts.mjs')).href)) as { TYPECHECK_PARTS: string[] };
    const configs = readdirSync(join(root, 'tsconfigs')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...TYPECHECK_PARTS].sort()).toEqual(configs.sort());
    expect(readFileSync(join(root, 'scripts', 'typecheck.mjs'), 'utf8')).toMatch(/TYPECHECK_PARTS/);
  });

  it('shared code fails when it imports Node, uses the DOM or imports Electron', () => {
    const r = results.shared;
    expect(r.status).not.toBe(0);
    expect(r.errors['nodeImport.ts']?.join('\n')).toMatch(/TS2307: Cannot find module 'node:fs'/);
    expect(r.errors['domUse.ts']?.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(r.errors.electron).toBeDefined();
    expect(r.errors['clean.ts']).toBeUndefined();
    expect(r.errors.other).toBeUndefined();
  });

  it('the renderer fails when it imports Node or Electron, and may use the DOM', () => {
    const r = results.renderer;
    expect(r.status).not.toBe(0);
    expect(r.errors['nodeImport.ts']?.join('\n')).toMatch(/Cannot find module 'node:fs'/);
    expect(r.errors.electron).toBeDefined();
    expect(r.errors['domUse.ts']).toBeUndefined();
  });

  it('services fail when they import Electron, and may import Node', () => {
    const r = results.node;
    expect(r.status).not.toBe(0);
    expect(r.errors.electron).toBeDefined();
    expect(r.errors['nodeImport.ts']).toBeUndefined();
  });

  it('electron/main may import Electron and Node (so each failure above is the boundary, not resolution)', () => {
    const r = results.main;
    expect(r.errors).toEqual({});
    expect(r.status).toBe(0);
  });
});
