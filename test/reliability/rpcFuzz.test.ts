// Item 5: invalid payloads across every method of the contract (shared/api), sent over browser
// mode's HTTP transport with a valid token → each refused by its schema with a readable error; the
// service stays up; no project or library file is touched.
import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RpcServer, startRpcServer, TOKEN_HEADER } from '../../electron/services/http/rpcServer';
import { Session } from '../../electron/services/rpc/session';
import { contract, methodNames } from '../../shared/api';
import { sha256 } from '../helpers/files';
import { seededProject } from '../helpers/seedProject';
import { useTempDir } from '../helpers/tmp';
import { count, reportFigure, timeoutFor } from './figures';
import { pick, prng } from './prng';

const PAYLOADS = count(3000, 10_000);

function post(server: RpcServer, method: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/rpc/${encodeURIComponent(method)}`,
        headers: { Host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const hostile: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'x'.repeat(70_000), '\u0000', '../../../etc/passwd',
  '<script>alert(1)</script>', '=cmd|"/c calc"!A1', [], [1, 2, 3], {}, { $gt: '' }, { __proto__: { polluted: true } }, { constructor: { prototype: {} } },
  [[[[[[[[[[]]]]]]]]]], 'NaN', '1; DROP TABLE chapters', '\ud800', { type: 'script' },
];

function candidates(method: (typeof methodNames)[number], rand: () => number): unknown {
  const schema = contract[method].input as z.ZodType;
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
  const keys = Object.keys(shape);
  const r = rand();
  if (r < 0.15 || keys.length === 0) return pick([42, 'text', [], [1], true, 'null', -0, [{}]], rand);
  const obj: Record<string, unknown> = {};
  for (const k of keys) if (rand() < 0.7) obj[k] = pick(hostile, rand);
  if (rand() < 0.3) obj[pick(keys, rand)] = { nested: pick(hostile, rand), deeper: [pick(hostile, rand)] };
  return obj;
}

describe('RPC fuzzing', () => {
  const tmp = useTempDir();
  let server: RpcServer;
  let session: Session;
  let dir: string;

  beforeAll(async () => {
    dir = tmp();
    const s = seededProject(dir);
    s.project.setMeta('library_path', join(dir, 'lib.jsnalib'));
    session = new Session();
    session.setProject(s.project);
    session.library();
    server = await startRpcServer({ session, staticDir: dir });
  });
  afterAll(async () => {
    await server.close();
    session.close();
  });

  /** The files that hold data (the lock file is refreshed on a timer; -shm is SQLite's read index). */
  function snapshot(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of readdirSync(dir)) {
      if (n.endsWith('.lock') || n.endsWith('-shm') || statSync(join(dir, n)).isDirectory()) continue;
      out[n] = sha256(join(dir, n));
    }
    return out;
  }

  it(`refuses ${PAYLOADS} invalid payloads with readable errors and touches no file`, async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const rand = prng(seed);
    const before = snapshot();
    let tried = 0;
    let failed = 0;
    const problems: string[] = [];
    const perMethod = new Map<string, number>();
    while (tried < PAYLOADS) {
      const kind = rand();
      let method: string;
      let body: string;
      if (kind < 0.03) {
        method = pick(['nope', 'project.openx', '__proto__', 'constructor', '../rpc/project.open', 'project..open'], rand);
        body = '{}';
      } else if (kind < 0.06) {
        method = pick([...methodNames], rand);
        body = pick(['{', '{"path":', 'nul', '[1,2', '\u0000', '{"a":1}}'], rand);
      } else {
        method = pick([...methodNames], rand);
        const input = candidates(method as (typeof methodNames)[number], rand);
        if ((contract as Record<string, { input: z.ZodType }>)[method]!.input.safeParse(input ?? {}).success) continue; // valid: not a fuzz case
        body = JSON.stringify(input);
      }
      tried++;
      perMethod.set(method, (perMethod.get(method) ?? 0) + 1);
      const r = await post(server, method, body);
      let env: { ok: boolean; error?: { code: string; message: string } };
      try {
        env = JSON.parse(r.body) as typeof env;
      } catch {
        failed++;
        problems.push(`${method} ${body.slice(0, 80)}: reply is not JSON (${r.status})`);
        continue;
      }
      const msg = env.error?.message ?? '';
      const readable = msg.length > 0 && msg.length < 4000 && !/\n\s+at |ZodError|\[object Object\]/.test(msg);
      if (env.ok || env.error?.code !== 'BAD_INPUT' || !readable) {
        failed++;
        if (problems.length < 20) problems.push(`${method} ${body.slice(0, 120)} → ${r.status} ${r.body.slice(0, 200)}`);
      }
    }
    // chapters.save with a real id: documents the editor schema does not know (checkDoc.ts).
    const chapter = (JSON.parse((await post(server, 'chapters.list', '{}')).body) as { result: Array<{ id: string }> }).result[0]!;
    const got = (JSON.parse((await post(server, 'chapters.get', JSON.stringify({ id: chapter.id }))).body) as { result: { revision: number } }).result;
    const badDocs = [
      { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }] },
      { type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'alert(1)' } }] },
      { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'javascript:alert(1)' } }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)', onmouseover: 'x' } }] }] }] },
    ];
    for (const doc of badDocs) {
      tried++;
      const r = JSON.parse((await post(server, 'chapters.save', JSON.stringify({ id: chapter.id, doc, baseRevision: got.revision }))).body) as { ok: boolean; error?: { code: string } };
      if (r.ok || r.error?.code !== 'BAD_INPUT') {
        failed++;
        problems.push(`chapters.save accepted ${JSON.stringify(doc).slice(0, 120)}: ${JSON.stringify(r).slice(0, 200)}`);
      }
    }
    // Found by the XSS corpus: a title starting with NUL passed the schema and hit the table's CHECK
    // (SQLite's length() stops at NUL) as an INTERNAL SqliteError.
    for (const [method, input] of [
      ['chapters.add', { title: '\u0000<script>alert(1)</script>' }],
      ['chapters.add', { title: 'Line one\nline two' }],
      ['chapters.rename', { id: chapter.id, title: '\u0000' }],
    ] as const) {
      tried++;
      const r = JSON.parse((await post(server, method, JSON.stringify(input))).body) as { ok: boolean; error?: { code: string; message: string } };
      if (r.ok || r.error?.code !== 'BAD_INPUT' || !/control character/.test(r.error.message)) {
        failed++;
        problems.push(`${method} ${JSON.stringify(input)}: ${JSON.stringify(r).slice(0, 200)}`);
      }
    }
    const alive = JSON.parse((await post(server, 'chapters.list', '{}')).body) as { ok: boolean };
    const after = snapshot();
    const touched = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
    reportFigure('RPC fuzzing', { tried, failed, lost: touched.length, note: `${perMethod.size} methods, seed ${seed}, service up: ${alive.ok}` });
    expect(problems).toEqual([]);
    expect(alive.ok).toBe(true);
    expect(touched).toEqual([]);
    expect(methodNames.filter((m) => !perMethod.has(m))).toEqual([]);
  }, timeoutFor(PAYLOADS, 20));
});

