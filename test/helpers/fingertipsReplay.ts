import { createReadStream, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A replay of the Fingertips API on 127.0.0.1 (random port), serving the recorded answers in
 * test/fixtures/fingertips-api/ (see its README). The app's client talks to it exactly as to the
 * real service: only the base address differs. Tests can make it fail, hang, trickle or serve
 * another body, to check the client's retries, timeouts, cancel and the importer's checks.
 */
export const FIXTURES = resolve(__dirname, '..', 'fixtures', 'fingertips-api');

interface DataEntry {
  indicator_ids: string;
  child_area_type_id: number;
  parent_area_type_id: number;
  file: string;
  newer?: string;
}

export interface Fault {
  /** Answer with this status (e.g. 500) … */
  status?: number;
  /** … or never answer (until the client gives up) … */
  hang?: boolean;
  /** … or send this body instead of the recording … */
  body?: string | Buffer;
  /** … and/or send only this many bytes of the CSV, then cut the connection. */
  dropAfter?: number;
  /** How many requests it applies to (default: all). */
  times?: number;
}

export interface ReplayServer {
  /** The base address, e.g. http://127.0.0.1:PORT/api: what the app's setting or JSNA_FINGERTIPS_URL takes. */
  url: string;
  /** Every request path+query seen, in order. */
  requests: string[];
  /** Serve each CSV's newer edition (where one is recorded) from now on. */
  serveNewer(on?: boolean): void;
  /** A fault for requests whose path (and query, decoded) starts with `pathPrefix` (e.g. "/api/all_data"). */
  fault(pathPrefix: string, fault: Fault): void;
  clearFaults(): void;
  /** Send CSV bodies (recorded or a fault's) in chunks of `bytes` every `ms` (to watch progress and cancel midway). */
  trickle(bytes: number, ms: number): void;
  /** Send CSV bodies gzip-compressed (Content-Encoding: gzip), as a web server in front of the API may. */
  gzip(on: boolean): void;
  close(): Promise<void>;
}

function json(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const ids = (q: URLSearchParams, key: string) => (q.get(key) ?? '').split(',').filter(Boolean).map(Number);

export async function startFingertipsReplay(opts: { port?: number; fixtures?: string } = {}): Promise<ReplayServer> {
  const dir = opts.fixtures ?? FIXTURES;
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
  const data = read('data.json') as DataEntry[];
  let newer = false;
  let faults: { prefix: string; fault: Fault; left: number }[] = [];
  let trickle: { bytes: number; ms: number } | null = null;
  let gzip = false;
  const requests: string[] = [];
  const open = new Set<ServerResponse>();

  /** A CSV body: trickled when asked, cut off after `dropAfter` bytes when asked. */
  function sendCsv(res: ServerResponse, bytes: Buffer, dropAfter = Infinity): void {
    const end = Math.min(bytes.length, dropAfter);
    const finish = () => (end < bytes.length ? res.destroy() : res.end());
    if (!trickle) return void res.write(bytes.subarray(0, end), finish);
    const { bytes: n, ms } = trickle;
    let at = 0;
    const tick = () => {
      if (res.destroyed) return;
      const part = bytes.subarray(at, Math.min(at + n, end));
      at += part.length;
      if (at >= end) res.write(part, finish);
      else {
        res.write(part);
        setTimeout(tick, ms);
      }
    };
    tick();
  }

  function serveCsv(res: ServerResponse, file: string, dropAfter?: number): void {
    const plain = readFileSync(join(dir, file));
    const bytes = gzip ? gzipSync(plain) : plain;
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': bytes.length, ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    sendCsv(res, bytes, dropAfter);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    // A fault's prefix may go on into the query, written plainly ("…?indicator_ids=93356,99001&").
    const target = url.pathname + decodeURIComponent(url.search);
    const f = faults.find((x) => target.startsWith(x.prefix) && x.left > 0);
    const dropAfter = f?.fault.dropAfter;
    if (f) {
      f.left--;
      if (f.fault.hang) return void open.add(res);
      if (f.fault.status) {
        res.writeHead(f.fault.status, { 'content-type': 'text/plain' });
        return void res.end('Internal Server Error');
      }
      if (f.fault.body !== undefined) {
        const csv = url.pathname.includes('/csv/');
        res.writeHead(200, { 'content-type': csv ? 'text/csv' : 'application/json' });
        return void (csv ? sendCsv(res, Buffer.from(f.fault.body), dropAfter) : res.end(f.fault.body));
      }
    }
    const q = url.searchParams;
    switch (url.pathname) {
      case '/api/profiles':
        return json(res, read('profiles.json'));
      case '/api/group_metadata':
        return json(res, (read('group_metadata.json') as { Id: number }[]).filter((g) => ids(q, 'group_ids').includes(g.Id)));
      case '/api/indicator_names/by_group_id':
        return json(res, (read('indicator_names.json') as { GroupId: number }[]).filter((g) => ids(q, 'group_ids').includes(g.GroupId)));
      case '/api/area_types':
        return json(res, read('area_types.json'));
      case '/api/area_types/parent_area_types':
        return json(res, read('parent_area_types.json'));
      case '/api/areas/by_area_type': {
        try {
          return json(res, read(`areas/${Number(q.get('area_type_id'))}.json`));
        } catch {
          return json(res, []);
        }
      }
      case '/api/available_data': {
        const all = read('available_data.json') as { IndicatorId: number; AreaTypeId: number }[];
        const ind = q.get('indicator_id');
        const at = q.get('area_type_id');
        return json(res, all.filter((r) => (ind === null || r.IndicatorId === Number(ind)) && (at === null || r.AreaTypeId === Number(at))));
      }
      case '/api/indicator_search': {
        const recorded = read('indicator_search.json') as Record<string, Record<string, number[]>>;
        return json(res, recorded[(q.get('search_text') ?? '').trim().toLowerCase()] ?? {});
      }
      case '/api/indicator_metadata/by_indicator_id': {
        const all = read('indicator_metadata.json') as Record<string, unknown>;
        return json(res, Object.fromEntries(ids(q, 'indicator_ids').filter((i) => String(i) in all).map((i) => [String(i), all[String(i)]])));
      }
      case '/api/indicator_metadata/csv/by_indicator_id': {
        // One record a line in the recording (no quoted line breaks), so a line filter is enough.
        const [header, ...lines] = readFileSync(join(dir, 'indicator_metadata.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
        const wanted = ids(q, 'indicator_ids').map(String);
        const body = [header, ...lines.filter((l) => wanted.includes(l.split(',')[0]!))].join('\r\n') + '\r\n';
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        return void res.end(body);
      }
      case '/api/all_data/csv/by_indicator_id': {
        const entry = data.find(
          (d) =>
            d.indicator_ids === q.get('indicator_ids') &&
            d.child_area_type_id === Number(q.get('child_area_type_id')) &&
            d.parent_area_type_id === Number(q.get('parent_area_type_id')),
        );
        if (!entry) {
          res.writeHead(404, { 'content-type': 'text/plain' });
          return void res.end('No recording for this request');
        }
        return serveCsv(res, newer && entry.newer ? entry.newer : entry.file, dropAfter);
      }
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
    }
  }

  const server = createServer(handle);
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    serveNewer(on = true) {
      newer = on;
    },
    fault(prefix, fault) {
      faults.push({ prefix, fault, left: fault.times ?? Infinity });
    },
    clearFaults() {
      faults = [];
      for (const r of open) r.destroy();
      open.clear();
    },
    gzip(on) {
      gzip = on;
    },
    trickle(bytes, ms) {
      trickle = bytes > 0 ? { bytes, ms } : null;
    },
    close() {
      for (const r of open) r.destroy();
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}
