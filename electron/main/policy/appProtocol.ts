import { extname } from 'node:path';
import { resolveInside } from '../../services/security/safePath';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/**
 * Maps an app://jsna/<path> request to a file of the built renderer, or null (→ 404) when the URL
 * is not ours or would leave the renderer folder.
 */
export function resolveAppRequest(rendererDir: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const path = url.pathname === '/' || !extname(url.pathname) ? '/index.html' : url.pathname;
  return resolveInside(rendererDir, path);
}
