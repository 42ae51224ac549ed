// Where Electron's binary is, or null where it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
