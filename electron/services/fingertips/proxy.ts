import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

/**
 * Council and NHS networks usually reach the internet only through a proxy. Node's own fetch ignores
 * the proxy variables, so when one is set (HTTPS_PROXY / HTTP_PROXY, either case, with NO_PROXY
 * honoured) requests go through undici's EnvHttpProxyAgent; otherwise they go straight out.
 * The desktop app fills the variables from the system's proxy settings at start (electron/main),
 * unless the user set them.
 */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((k) => (env[k] ?? '').trim() !== '');
}

let agent: { key: string; dispatcher: EnvHttpProxyAgent } | null = null;

function proxyAgent(env: NodeJS.ProcessEnv): EnvHttpProxyAgent {
  // One agent (and its connection pool) per proxy setting; a changed setting gets a new one.
  const key = [...PROXY_VARIABLES, 'NO_PROXY', 'no_proxy'].map((k) => env[k] ?? '').join('\n');
  if (agent?.key !== key) {
    void agent?.dispatcher.close();
    agent = { key, dispatcher: new EnvHttpProxyAgent() };
  }
  return agent.dispatcher;
}

/** `fetch`, through the configured proxy when there is one. */
export function proxyAwareFetch(url: string, init: RequestInit): Promise<Response> {
  if (!proxyConfigured()) return fetch(url, init);
  const viaProxy = undiciFetch as unknown as (u: string, i: RequestInit & { dispatcher: unknown }) => Promise<Response>;
  return viaProxy(url, { ...init, dispatcher: proxyAgent(process.env) });
}

/**
 * The proxy a system's settings give for an address, from Chromium's answer to "which proxy for
 * this URL?" (Electron's `session.resolveProxy`: a PAC-style list such as
 * "PROXY proxy.council.gov.uk:8080; DIRECT"), as a URL for HTTPS_PROXY — or null for a direct
 * connection. SOCKS proxies are not supported by the client and are skipped.
 */
export function proxyFromSystemAnswer(answer: string): string | null {
  for (const entry of answer.split(';')) {
    const [kind, hostPort] = entry.trim().split(/\s+/);
    if (!kind || kind.toUpperCase() === 'DIRECT') return null;
    if (!hostPort) continue;
    if (kind.toUpperCase() === 'PROXY') return `http://${hostPort}`;
    if (kind.toUpperCase() === 'HTTPS') return `https://${hostPort}`;
  }
  return null;
}

/**
 * At the desktop app's start: when the user set no proxy variables, takes the system's proxy for
 * Fingertips (Chromium's answer, see proxyFromSystemAnswer) for both http and https. Returns the
 * proxy now in use, or null for direct connections.
 */
export function useSystemProxy(answer: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (proxyConfigured(env)) return env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy ?? null;
  const proxy = proxyFromSystemAnswer(answer);
  if (proxy) {
    env.HTTPS_PROXY = proxy;
    env.HTTP_PROXY = proxy;
  }
  return proxy;
}
