import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RpcServer, startRpcServer } from '../../../../electron/services/http/rpcServer';
import { Session } from '../../../../electron/services/rpc/session';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/services/security/contentSecurityPolicy';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so Host and Origin can be set the way an attacker's page would. */
function raw(server: RpcServer, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-http-'));
  let server: RpcServer;
  const session = new Session();
  let staticDir: string;

  beforeAll(async () => {
    staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    server = await startRpcServer({ session, staticDir });
  });
  afterAll(async () => {
    await server.close();
    session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(server, {
      method: 'POST',
      path: `/rpc/${method}`,
      headers: { 'Content-Type': 'application/json', 'X-JSNA-Token': server.token, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers RPC with the right token', async () => {
    const r = await rpc('project.current', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, result: null });
  });

  it('refuses RPC without the token or with a wrong one', async () => {
    expect((await rpc('project.current', {}, { 'X-JSNA-Token': 'guess' })).status).toBe(403);
    const r = await raw(server, { method: 'POST', path: '/rpc/project.current', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await rpc('project.current', {}, { Host: `evil.example:${server.port}` });
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/Host not allowed/);
  });

  it('refuses cross-site requests by Origin even with the token', async () => {
    const r = await rpc('project.current', {}, { Origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect((await rpc('project.current', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('requires JSON bodies (a plain form post cannot reach it)', async () => {
    const r = await rpc('project.current', {}, { 'Content-Type': 'text/plain' });
    expect(r.status).toBe(415);
  });

  it('rejects invalid payloads through the schema', async () => {
    const r = await rpc('project.create', { path: '', title: 'x' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/path: a file path is required/) } });
  });

  it('serves the renderer with the CSP and refuses path traversal', async () => {
    const index = await raw(server, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const r = await raw(server, { path });
      expect(r.body, path).not.toMatch(/outside the renderer/);
    }
  });

  it('streams events to token holders only', async () => {
    expect((await raw(server, { path: '/events?token=nope' })).status).toBe(403);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: `/events?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes('data:')) {
            req.destroy();
            resolve(buf);
          }
        });
        setTimeout(() => session.emit({ type: 'progress', jobId: 'j1', label: 'Importing', done: 1, total: 2 }), 50);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('"jobId":"j1"');
  });

  it('takes a chosen file by POST /upload (token, same origin, octet-stream, its name) and keeps it for an import', async () => {
    const upload = (headers: Record<string, string>, body = 'indicator_id,value\n') =>
      raw(server, {
        method: 'POST',
        path: '/upload',
        headers: { 'Content-Type': 'application/octet-stream', 'X-JSNA-Token': server.token, 'X-JSNA-File-Name': encodeURIComponent('Survey 2023 – Leicester.csv'), ...headers },
        body,
      });
    expect((await upload({ 'X-JSNA-Token': 'wrong' })).status).toBe(403);
    expect((await upload({ Origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload({ 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await upload({ 'X-JSNA-File-Name': '' })).status).toBe(400);
    expect(session.uploads.waiting).toBe(0);

    const r = await upload({}, 'indicator_id,value\nA,1\n');
    expect(r.status).toBe(200);
    const { id } = (JSON.parse(r.body) as { result: { id: string } }).result;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const [file] = session.uploads.take([id]);
    expect(file!.name).toBe('Survey 2023 – Leicester.csv');
    expect(readFileSync(file!.path, 'utf8')).toBe('indicator_id,value\nA,1\n');
    session.uploads.discard([id]);
    expect(existsSync(file!.path)).toBe(false);
  });
});
