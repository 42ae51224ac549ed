import type { AppEvent, Envelope } from '../../../shared/api';
import type { Transport } from './types';

const TOKEN_KEY = 'jsna.token';

/**
 * Browser mode: the server printed a URL ending in #token=…; keep the token for this tab
 * (sessionStorage survives reloads) and take it out of the address bar.
 */
export function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function unreachable(e: unknown): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message: `Cannot reach JSNA Studio's server: ${(e as Error).message}. Is "npm start" (or "npm run serve") still running in its terminal?` } };
}

async function answer(res: Response): Promise<Envelope<unknown>> {
  if (res.status === 403) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'This page is not allowed to talk to JSNA Studio. Open the address that "npm start" (or "npm run serve") printed in its terminal: it carries a one-time token.' } };
  }
  return (await res.json()) as Envelope<unknown>;
}

export function httpTransport(token: string): Transport {
  return {
    async call(method, input, opts) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-JSNA-Token': token };
      if (opts?.jobId) headers['X-JSNA-Job'] = opts.jobId;
      let res: Response;
      try {
        res = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          ...(opts?.keepalive ? { keepalive: true } : {}),
        });
      } catch (e) {
        return unreachable(e);
      }
      return answer(res);
    },
    async chosenFile(file) {
      // The page cannot give the server a path: it sends the bytes, and names the file by the id it gets.
      let res: Response;
      try {
        res = await fetch('/upload', {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', 'X-JSNA-Token': token, 'X-JSNA-File-Name': encodeURIComponent(file.name) },
          body: file,
        });
      } catch (e) {
        return unreachable(e);
      }
      const envelope = (await answer(res)) as Envelope<{ id: string }>;
      return envelope.ok ? { ok: true, result: { upload: envelope.result.id } } : envelope;
    },
    subscribe(listener) {
      const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (m) => listener(JSON.parse(m.data as string) as AppEvent);
      return () => source.close();
    },
  };
}
