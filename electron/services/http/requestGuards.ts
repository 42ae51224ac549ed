import { timingSafeEqual } from 'node:crypto';

/**
 * Browser mode listens on 127.0.0.1 only. These checks stop other sites in the user's browser
 * from calling it: DNS rebinding (a foreign Host header), cross-site requests (a foreign Origin),
 * and anything without the per-run token printed in the URL the user opened.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/** Same-origin only. A missing Origin is allowed for GETs but not for RPC POSTs from browsers that send one. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
