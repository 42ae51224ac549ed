import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FingertipsClient } from '../../../../electron/services/fingertips/client';
import { fetchToLibrary } from '../../../../electron/services/fingertips/fetchData';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { sha256 } from '../../../helpers/files';
import { FIXTURES, type ReplayServer, startFingertipsReplay } from '../../../helpers/fingertipsReplay';
import { bundleImportWorker } from '../../../helpers/importWorkerBundle';
import { useTempDir } from '../../../helpers/tmp';

/**
 * The streamed fetch: the importer reads each download as it arrives (teed to a temporary file),
 * on this thread and in the import worker as the app runs it (bundled, found via JSNA_IMPORT_WORKER).
 */
const REQ = { indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 };
const RECORDED = join(FIXTURES, 'data', '93356-402-6.csv');
const RECORDED_SHA = '26e306e1426f7607d3cddeb06cc5adbd15e5ecc88c3edc6d3352fab67f4f06c8';

let workerDir = '';
beforeAll(async () => {
  workerDir = mkdtempSync(join(tmpdir(), 'jsna-worker-'));
  await bundleImportWorker(workerDir);
});
afterAll(() => rmSync(workerDir, { recursive: true, force: true }));

/** What a library holds (values and vintages), to compare two fetches. */
function contents(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return {
      values: db.prepare('SELECT * FROM indicator_values ORDER BY series_id, area_id, period_sortable, period').all(),
      vintages: db.prepare('SELECT indicator_id, file_name, sha256, rows FROM vintages ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

describe.each([
  ['on this thread', false],
  ['in the import worker', true],
])('streamed Fingertips fetch, read %s', (_name, useWorker) => {
  let server: ReplayServer;
  let client: FingertipsClient;
  const tmp = useTempDir();
  const lib = (name = 'lib') => join(tmp(), `${name}.jsnalib`);
  const temp = () => {
    const d = join(tmp(), 'temp');
    mkdirSync(d, { recursive: true });
    return d;
  };
  const previousWorker = process.env.JSNA_IMPORT_WORKER;

  beforeAll(async () => {
    server = await startFingertipsReplay();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    process.env.JSNA_IMPORT_WORKER = useWorker ? join(workerDir, 'libraryImportWorker.cjs') : '0';
    server.clearFaults();
    server.trickle(0, 0);
    server.serveNewer(false);
    client = new FingertipsClient(server.url, { timeoutMs: 1500, retries: 2, backoffMs: 20 });
  });
  afterEach(() => {
    if (previousWorker === undefined) delete process.env.JSNA_IMPORT_WORKER;
    else process.env.JSNA_IMPORT_WORKER = previousWorker;
  });

  const dataRequests = (from: number) => server.requests.slice(from).filter((r) => r.startsWith('/api/all_data')).length;

  it('gives the library a fetch to a file then an import gives: same values, the recording\'s sha256', async () => {
    server.trickle(16 * 1024, 2);
    const summary = await fetchToLibrary(client, lib(), [REQ], { createFolder: true, tempDir: temp() });
    expect(summary).toMatchObject({ rows: 852, indicators: 1, metadataIndicators: 1 });
    expect(summary.requests[0]!.bytes).toBe(readFileSync(RECORDED).length);
    expect(summary.vintages.map((v) => v.sha256)).toEqual([RECORDED_SHA]);
    expect(readdirSync(temp())).toEqual([]);
  });

  it('Cancel mid-stream: the library is byte-identical, nothing is left behind', async () => {
    await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    const before = sha256(lib());
    server.serveNewer();
    server.trickle(8 * 1024, 15);
    const controller = new AbortController();
    let downloadedAtCancel = 0;
    const run = fetchToLibrary(client, lib(), [REQ], {
      signal: controller.signal,
      tempDir: temp(),
      onProgress: (p) => {
        if (p.label.startsWith('Downloading') && p.done > 60_000 && !controller.signal.aborted) {
          downloadedAtCancel = p.done;
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(downloadedAtCancel).toBeLessThan(100_000);
    expect(sha256(lib())).toBe(before);
    expect(readdirSync(temp())).toEqual([]);
  });

  it('the server drops the connection mid-body once: retried, the import starts again, the library as from a clean fetch', async () => {
    await fetchToLibrary(client, lib('clean'), [REQ], { createFolder: true });
    server.trickle(8 * 1024, 20);
    server.fault('/api/all_data', { dropAfter: 96 * 1024, times: 1 });
    const from = server.requests.length;
    const summary = await fetchToLibrary(client, lib(), [REQ], { createFolder: true, tempDir: temp() });
    expect(dataRequests(from)).toBe(2);
    expect(summary.rows).toBe(852);
    expect(contents(lib())).toEqual(contents(lib('clean')));
    expect(readdirSync(temp())).toEqual([]);
  });

  it('the server drops the connection mid-body every time: retried, then "could not be reached", the library byte-identical', async () => {
    await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    const before = sha256(lib());
    server.serveNewer();
    server.trickle(16 * 1024, 5);
    server.fault('/api/all_data', { dropAfter: 64 * 1024 });
    const from = server.requests.length;
    await expect(fetchToLibrary(client, lib(), [REQ], { tempDir: temp() })).rejects.toThrow(
      /^Fingertips could not be reached; your library is unchanged\. http:\/\/127\.0\.0\.1:\d+\/api\/all_data\/csv\/by_indicator_id\?.*: the download broke off after \d+ bytes .*\(tried 3 times\)\.$/,
    );
    expect(dataRequests(from)).toBe(3);
    expect(sha256(lib())).toBe(before);
    expect(readdirSync(temp())).toEqual([]);
  });

  it('a library not there before is not created when the connection drops every time', async () => {
    server.fault('/api/all_data', { dropAfter: 64 * 1024 });
    await expect(fetchToLibrary(client, lib(), [REQ], { tempDir: temp() })).rejects.toMatchObject({ code: 'UNREACHABLE' });
    expect(existsSync(lib())).toBe(false);
  });

  it('a bad row early in a long answer is rejected with its line while the rest is still arriving; the download stops', async () => {
    await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    const before = sha256(lib());
    const [header, ...lines] = readFileSync(RECORDED, 'latin1').split('\r\n');
    const bad = lines[0]!.replace(/^93356,"Campylobacter incidence rate\/100,000\n",,,E92000001,England,Country,Persons,All ages,,,2015,[^,]*/, '93356,x,,,E92000001,England,Country,Persons,All ages,,,2015,lots');
    // Long enough (~4 MB, 10 s trickled) that the import reaches line 2 well before the end; what follows line 2 is never looked at.
    const body = [header, bad, ...Array.from({ length: 20 }, () => lines.slice(1)).flat()].join('\r\n');
    server.trickle(8 * 1024, 20);
    server.fault('/api/all_data', { body });
    let downloaded = 0;
    await expect(
      fetchToLibrary(client, lib(), [REQ], { tempDir: temp(), onProgress: (p) => p.label.startsWith('Downloading') && (downloaded = p.done) }),
    ).rejects.toThrow(/^Fingertips API: indicator 93356, area type 402, parent area type 6:2: column "Value": "lots" is not a number/);
    expect(downloaded).toBeLessThan(body.length);
    expect(sha256(lib())).toBe(before);
    expect(readdirSync(temp())).toEqual([]);
  });

  it('a download that mixes encodings is read again from its temporary file: the areas as importing the same bytes from disk', async () => {
    const recorded = readFileSync(RECORDED, 'latin1').split('\r\n');
    // Valid non-ASCII UTF-8 early on, a Windows-1252 byte (ô) far later: found only once read.
    recorded[1] = recorded[1]!.replace(',England,', ',England Mô,');
    const utf8Part = Buffer.from(recorded.slice(0, 600).join('\r\n') + '\r\n', 'utf8');
    const rest = Buffer.from(recorded.slice(600).join('\r\n').replace(/,Leicester,/g, ',Leicestôr,'), 'latin1');
    const body = Buffer.concat([utf8Part, rest]);
    const onDisk = join(tmp(), 'mixed.csv');
    writeFileSync(onDisk, body);
    await importToPath(lib('disk'), [onDisk], { format: 'fingertips', createFolder: true });
    server.trickle(16 * 1024, 2);
    server.fault('/api/all_data', { body });
    const summary = await fetchToLibrary(client, lib(), [REQ], { createFolder: true, tempDir: temp() });
    expect(summary.rows).toBe(852);
    expect(summary.vintages[0]!.sha256).toBe(sha256(onDisk));
    const areas = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT code, name FROM areas ORDER BY code').all();
      } finally {
        db.close();
      }
    };
    expect(areas(lib())).toEqual(areas(lib('disk')));
    expect(areas(lib())).toContainEqual({ code: 'E06000016', name: 'Leicestôr' });
    expect(readdirSync(temp())).toEqual([]);
  });

  it('into a library with vintages (Update): the newer edition goes in as a new vintage', async () => {
    await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    server.serveNewer();
    server.trickle(16 * 1024, 2);
    const summary = await fetchToLibrary(client, lib(), [REQ]);
    expect(summary.rows).toBe(855);
    expect(summary.vintages.map((v) => v.sha256)).toEqual([sha256(join(FIXTURES, 'data', '93356-402-6.newer.csv'))]);
    // The same answer again is the same file: nothing changes.
    expect((await fetchToLibrary(client, lib(), [REQ])).unchangedFiles).toHaveLength(1);
  });
});
