import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/**
 * Maps a URL path (already percent-decoded or not) onto a file inside `root`, or null when it
 * would escape it (`..`, encoded `%2e%2e`, backslashes, absolute paths, NUL bytes).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = normalize(decoded.replace(/^\/+/, ''));
  if (isAbsolute(relativePath)) return null;
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const rel = relative(base, target);
  if (rel === '' ) return base;
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}
