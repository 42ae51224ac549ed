import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const NODE_BUILTIN = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|net$|url$|worker_threads$)/;

describe('module boundaries', () => {
  it('only electron/main and the preload import electron', () => {
    const offenders = ['electron', 'shared', 'renderer', 'test']
      .flatMap(sources)
      .filter((f) => !f.startsWith(join('electron', 'main')) && f !== join('electron', 'preload.ts') && !f.startsWith('test'))
      .filter((f) => imports(f).includes('electron'));
    expect(offenders).toEqual([]);
    expect(imports(join('electron', 'main', 'index.ts'))).toContain('electron');
  });

  it('shared/ imports neither Node nor Electron nor the DOM-side code', () => {
    const offenders = sources('shared').filter((f) => imports(f).some((m) => NODE_BUILTIN.test(m) || m === 'electron' || m.includes('renderer/') || m.includes('electron/')));
    expect(offenders).toEqual([]);
  });

  it('the renderer imports no Node module and reaches the backend only through renderer/lib/api.ts', () => {
    const files = sources('renderer');
    expect(files.filter((f) => imports(f).some((m) => NODE_BUILTIN.test(m) || m === 'electron' || m.includes('/electron/')))).toEqual([]);
    const fetchers = files.filter((f) => /\bfetch\(|ipcRenderer|EventSource\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(fetchers.map((f) => relative('renderer', f))).toEqual([join('lib', 'transport', 'httpTransport.ts')]);
  });
});
