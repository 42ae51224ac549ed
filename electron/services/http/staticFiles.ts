import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveInside } from '../security/safePath';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a file of the built renderer; `/` and unknown routes without an extension get index.html. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const wanted = urlPath === '/' || !extname(urlPath) ? '/index.html' : urlPath;
  const file = resolveInside(root, wanted);
  if (!file) return null;
  try {
    const st = await stat(file);
    if (!st.isFile()) return null;
    return { body: await readFile(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

