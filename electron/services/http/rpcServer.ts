import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/api/errors';
import type { AppEvent } from '../../../shared/api/events';
import { dispatchEnvelope } from '../rpc/dispatch';
import type { Session } from '../rpc/session';
import { securityHeaders } from '../security/contentSecurityPolicy';
import { isAllowedHost, isAllowedOrigin, tokenMatches } from './requestGuards';
import { readStaticFile } from './staticFiles';

export const TOKEN_HEADER = 'x-jsna-token';
export const JOB_HEADER = 'x-jsna-job';
/** POST /upload: the file's own name, URI-encoded (header values are Latin-1). */
export const FILE_NAME_HEADER = 'x-jsna-file-name';
const MAX_BODY = 64 * 1024 * 1024;

export interface RpcServer {
  server: Server;
  port: number;
  token: string;
  /** The URL to open: it carries the token, which the page keeps in sessionStorage. */
  url: string;
  close(): Promise<void>;
}

export interface RpcServerOptions {
  session: Session;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...securityHeaders(), ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function forbidden(res: ServerResponse, message: string) {
  sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startRpcServer(opts: RpcServerOptions): Promise<RpcServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = opts.session.onEvent((event: AppEvent) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const s of streams) s.write(data);
  });

  const server = createServer(async (req, res) => {
    try {
      if (!isAllowedHost(req.headers.host, port)) return forbidden(res, 'Host not allowed');
      if (!isAllowedOrigin(req.headers.origin, port)) return forbidden(res, 'Origin not allowed');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
        if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) return forbidden(res, 'Missing or wrong token');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, { ok: false, error: { code: 'BAD_INPUT', message: 'Content-Type must be application/json' } });
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? JSON.parse(body) : {};
        } catch (e) {
          return sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: `Request body is not valid JSON: ${(e as Error).message}` } });
        }
        const method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
        const jobId = req.headers[JOB_HEADER];
        const envelope = await dispatchEnvelope(method, input, {
          session: opts.session,
          ...(typeof jobId === 'string' && jobId ? { jobId } : {}),
        });
        return sendJson(res, 200, envelope);
      }

      if (url.pathname === '/upload') {
        // A file chosen in the page, for an import: browser pages cannot give a path, so they send the
        // bytes, and get an id to name the file by in the RPC call.
        if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
        if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) return forbidden(res, 'Missing or wrong token');
        if (req.headers['content-type'] !== 'application/octet-stream') {
          return sendJson(res, 415, { ok: false, error: { code: 'BAD_INPUT', message: 'Content-Type must be application/octet-stream' } });
        }
        let name: string;
        try {
          name = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? ''));
        } catch {
          name = '';
        }
        if (!name) return sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: `The ${FILE_NAME_HEADER} header must give the file's name.` } });
        try {
          const id = await opts.session.uploads.save(name, req);
          return sendJson(res, 200, { ok: true, result: { id } });
        } catch (e) {
          if (e instanceof AppError) return sendJson(res, 413, { ok: false, error: e.toPayload() }); // too large
          throw e;
        }
      }

      if (url.pathname === '/events') {
        if (!tokenMatches(url.searchParams.get('token'), token)) return forbidden(res, 'Missing or wrong token');
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...securityHeaders() });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
      const file = await readStaticFile(opts.staticDir, url.pathname);
      if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return send(res, 200, file.body, file.contentType);
    } catch (e) {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: (e as Error).message } });
      else res.end();
    }
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        unsubscribe();
        for (const s of streams) s.end();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
