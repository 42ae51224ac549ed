import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchToLibrary } from '../../../../electron/services/fingertips/fetchData';
import { searchIndicators } from '../../../../electron/services/fingertips/browse';
import { FingertipsClient } from '../../../../electron/services/fingertips/client';
import { proxyConfigured, proxyFromSystemAnswer, useSystemProxy } from '../../../../electron/services/fingertips/proxy';
import { type ForwardProxy, startForwardProxy } from '../../../helpers/forwardProxy';
import { type ReplayServer, startFingertipsReplay } from '../../../helpers/fingertipsReplay';
import { useTempDir } from '../../../helpers/tmp';

const VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

describe('Fingertips through a proxy (council networks)', () => {
  let server: ReplayServer;
  let proxy: ForwardProxy;
  const tmp = useTempDir();
  const saved = new Map(VARIABLES.map((k) => [k, process.env[k]]));
  beforeAll(async () => {
    server = await startFingertipsReplay();
    proxy = await startForwardProxy();
  });
  afterAll(async () => {
    await server.close();
    await proxy.close();
  });
  afterEach(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  const clear = () => {
    for (const k of VARIABLES) delete process.env[k];
  };

  it('goes through the proxy HTTP_PROXY names, and answers as without it', async () => {
    clear();
    const client = new FingertipsClient(server.url, { timeoutMs: 3000, retries: 0 });
    const direct = await searchIndicators(client, 'campylobacter');
    expect(proxy.seen).toEqual([]);
    process.env.HTTP_PROXY = proxy.url;
    expect(proxyConfigured()).toBe(true);
    expect(await searchIndicators(client, 'campylobacter')).toEqual(direct);
    const host = new URL(server.url).host;
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((s) => s === host || s.startsWith(`http://${host}/`))).toBe(true);
  });

  it('fetches a CSV into the library through the proxy: the same rows and file as without it', async () => {
    clear();
    const client = new FingertipsClient(server.url, { timeoutMs: 3000, retries: 0 });
    const req = [{ indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 }];
    const direct = await fetchToLibrary(client, join(tmp(), 'direct.jsnalib'), req, { tempDir: tmp() });
    // The replay server is http://, so HTTP_PROXY applies (HTTPS_PROXY is for https://, as the real service is).
    process.env.HTTP_PROXY = proxy.url;
    const before = proxy.bytes();
    const proxied = await fetchToLibrary(client, join(tmp(), 'proxied.jsnalib'), req, { tempDir: tmp() });
    // The whole CSV (200,816 bytes) and the metadata came through the proxy.
    expect(proxy.bytes() - before).toBeGreaterThan(200_816);
    expect(proxied.rows).toBe(852);
    expect(proxied.requests.map((r) => r.source)).toEqual(direct.requests.map((r) => r.source));
  });

  it('honours NO_PROXY, and a proxy that cannot be reached gives the offline message', async () => {
    clear();
    const client = new FingertipsClient(server.url, { timeoutMs: 3000, retries: 0 });
    const before = proxy.bytes();
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';
    expect((await searchIndicators(client, 'campylobacter')).length).toBeGreaterThan(0);
    expect(proxy.bytes()).toBe(before);
    delete process.env.NO_PROXY;
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    await expect(searchIndicators(client, 'campylobacter')).rejects.toThrow(/Fingertips could not be reached; your library is unchanged/);
  });

  it('reads the system proxy from Chromium’s answer (Electron session.resolveProxy)', () => {
    expect(proxyFromSystemAnswer('DIRECT')).toBeNull();
    expect(proxyFromSystemAnswer('PROXY proxy.council.gov.uk:8080; DIRECT')).toBe('http://proxy.council.gov.uk:8080');
    expect(proxyFromSystemAnswer('HTTPS secure.nhs.net:443')).toBe('https://secure.nhs.net:443');
    expect(proxyFromSystemAnswer('SOCKS5 s:1080; PROXY p:3128')).toBe('http://p:3128');
    expect(proxyFromSystemAnswer('SOCKS5 s:1080')).toBeNull();
    expect(proxyFromSystemAnswer('')).toBeNull();
  });

  it('at the app’s start takes the system proxy only when the user set none', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(useSystemProxy('PROXY p:3128; DIRECT', env)).toBe('http://p:3128');
    expect(env).toEqual({ HTTPS_PROXY: 'http://p:3128', HTTP_PROXY: 'http://p:3128' });
    const own: NodeJS.ProcessEnv = { https_proxy: 'http://mine:8080' };
    expect(useSystemProxy('PROXY p:3128', own)).toBe('http://mine:8080');
    expect(own).toEqual({ https_proxy: 'http://mine:8080' });
    const direct: NodeJS.ProcessEnv = {};
    expect(useSystemProxy('DIRECT', direct)).toBeNull();
    expect(direct).toEqual({});
  });
});
