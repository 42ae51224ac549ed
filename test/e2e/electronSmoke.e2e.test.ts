import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');

function electronBinary(): string | null {
  try {
    const path = createRequire(__filename)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const nativeBuilt = existsSync(join(root, '.electron-native', 'better_sqlite3.node'));
const why = !binary
  ? "Electron's binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1; it cannot be downloaded on this machine)"
  : 'better-sqlite3 for Electron is not built (run npm run electron:native)';
if (!binary || !nativeBuilt) console.warn(`Electron smoke test skipped: ${why}.`);

describe.skipIf(!binary || !nativeBuilt)(`Electron smoke test${binary && nativeBuilt ? '' : ` (skipped: ${why})`}`, () => {
  it('opens the sample workspace in a sandboxed window with the bridge and no Node', async () => {
    const data = mkdtempSync(join(tmpdir(), 'jsna-electron-'));
    const app = await _electron.launch({ executablePath: binary!, args: [root], env: { ...process.env, JSNA_DATA_DIR: data } });
    try {
      const page = await app.firstWindow();
      await page.getByText('Children and young people JSNA (sample)').waitFor();
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { jsnaBridge: { methods: object } }).jsnaBridge.methods).length)).toBeGreaterThan(5);
      expect(page.url()).toBe('app://jsna/index.html');
    } finally {
      await app.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
