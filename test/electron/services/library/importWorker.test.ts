import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { type ImportProgress, importToPath } from '../../../../electron/services/library/importFiles';
import { bundleImportWorker } from '../../../helpers/importWorkerBundle';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, HEADER, REAL_FILE, REAL_RECORDS, row, sha256, writeFile } from './helpers';

/**
 * The import worker as the app runs it: bundled (as scripts/build.mjs bundles it into
 * dist/electron/libraryImportWorker.cjs) and started by importFiles. The other library tests read on
 * the main thread (the TypeScript sources have no bundled worker beside them); this one checks that
 * both ways give the same library and the same errors.
 */
let workerDir = '';
let worker = '';
beforeAll(async () => {
  workerDir = mkdtempSync(join(tmpdir(), 'jsna-worker-'));
  worker = await bundleImportWorker(workerDir);
});
afterAll(() => rmSync(workerDir, { recursive: true, force: true }));

/** Everything an import wrote, minus the times it was written at. */
function contents(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return {
      indicators: db.prepare('SELECT * FROM indicators ORDER BY id').all().map((r) => ({ ...(r as object), updated_at: null })),
      areas: db.prepare('SELECT * FROM areas ORDER BY id').all(),
      series: db.prepare('SELECT * FROM series ORDER BY id').all(),
      values: db.prepare('SELECT * FROM indicator_values ORDER BY series_id, area_id, period_sortable, period').all(),
      vintages: db.prepare('SELECT id, indicator_id, file_name, sha256, format, rows FROM vintages ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

/** ~3.5 MB, several chunks: 6,000 areas × 3 years of one indicator, England first. */
function bigFile(dir: string, over: (i: number) => Parameters<typeof row>[0] = () => ({})): string {
  const rows: ReturnType<typeof row>[] = [];
  for (let year = 2015; year <= 2017; year++) {
    for (let a = 0; a < 6000; a++) {
      const i = rows.length;
      rows.push(
        row({
          'Area Code': a === 0 ? 'E92000001' : `E06${String(a).padStart(6, '0')}`,
          'Area Name': a === 0 ? 'England' : `Area ${a}`,
          'Time period': String(year),
          'Time period Sortable': `${year}0000`,
          Value: String(40 + (i % 30)),
          'Value note': i % 997 === 0 ? 'Value suppressed\r\nfor disclosure control' : '',
          ...over(i),
        }),
      );
    }
  }
  return writeFile(dir, 'big.csv', fingertipsCsv(rows));
}

describe('importing in the worker thread', () => {
  const tmp = useTempDir();

  it('gives the same library as reading on the main thread, for the real file and a multi-chunk one', async () => {
    const big = bigFile(tmp());
    const progress: ImportProgress[] = [];
    const viaWorker = join(tmp(), 'worker.jsnalib');
    const summary = await importToPath(viaWorker, [REAL_FILE, big], { worker, onProgress: (p) => progress.push(p), now: () => new Date(0) });
    expect(summary.rows).toBe(REAL_RECORDS + 18_000);
    const inThread = join(tmp(), 'main.jsnalib');
    expect(await importToPath(inThread, [REAL_FILE, big], { worker: false, now: () => new Date(0) })).toEqual(summary);
    expect(contents(viaWorker)).toEqual(contents(inThread));
    const bigProgress = progress.filter((p) => p.label === 'Importing big.csv').map((p) => p.done);
    expect(bigProgress.length).toBeGreaterThan(3);
    expect(bigProgress).toEqual([...bigProgress].sort((a, b) => a - b));
  });

  it('reports the first problem in file order and leaves the library byte-identical', async () => {
    const library = join(tmp(), 'library.jsnalib');
    await importToPath(library, [REAL_FILE], { worker });
    const before = sha256(library);
    // A value that is not a number in a later chunk (line 2 + 12,345).
    const nan = bigFile(tmp(), (i) => (i === 12_345 ? { Value: 'n/a' } : {}));
    await expect(importToPath(library, [nan], { worker })).rejects.toThrow(/big\.csv:\d+: column "Value": "n\/a" is not a number\.$/);
    const message = await importToPath(library, [nan], { worker: false }).catch((e: Error) => e.message);
    await expect(importToPath(library, [nan], { worker })).rejects.toThrow(message as string);
    // A repeated row (found while writing) before a bad value (found while reading) in the same chunk.
    const both = writeFile(tmp(), 'both.csv', fingertipsCsv([row(), row({ Value: '52' }), row({ 'Area Code': 'E1', Count: 'x' })]));
    await expect(importToPath(library, [both], { worker })).rejects.toThrow(`${both}:3: this row repeats an earlier one`);
    await expect(importToPath(library, [both], { worker: false })).rejects.toThrow(`${both}:3: this row repeats an earlier one`);
    // A file cut off inside a quoted field.
    const whole = fingertipsCsv([row(), row({ 'Area Code': 'E1', 'Value note': 'Value suppressed, small count' })]);
    const cut = writeFile(tmp(), 'cut.csv', whole.slice(0, whole.indexOf('"Value suppressed') + 10));
    await expect(importToPath(library, [cut], { worker })).rejects.toThrow(`${cut}:3: a quoted field opens in this record and is never closed`);
    expect(sha256(library)).toBe(before);
  });

  it('can be cancelled while the worker reads', async () => {
    const library = join(tmp(), 'library.jsnalib');
    await importToPath(library, [REAL_FILE], { worker });
    const before = sha256(library);
    const controller = new AbortController();
    const big = bigFile(tmp());
    const p = importToPath(library, [big], {
      worker,
      signal: controller.signal,
      onProgress: (e) => e.done > 0 && e.label === 'Importing big.csv' && controller.abort(),
    });
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(sha256(library)).toBe(before);
  });

  it('reads each file once into an empty library: its vintages carry its sha256; a file mixing encodings is read again as Windows-1252', async () => {
    const big = bigFile(tmp());
    // Valid UTF-8 (ô) on line 2, then a Windows-1252 en dash chunks later: read once as UTF-8, then again.
    const other = (over: Parameters<typeof row>[0]) => row({ 'Indicator ID': '90002', ...over });
    const text = Buffer.from(fingertipsCsv([other({ 'Area Code': 'W06000001', 'Area Name': 'Ynys M\u00f4n' }), ...Array.from({ length: 3000 }, (_, i) => other({ 'Area Code': `E1${i}`, 'Area Name': `Area ${i}` })), other({ 'Area Code': 'E2', 'Value note': 'Data for 2015 \u2013 provisional' })]));
    text[text.lastIndexOf(Buffer.from('\u2013'))] = 0x96;
    const mixed = writeFile(tmp(), 'mixed.csv', Buffer.concat([text.subarray(0, text.lastIndexOf(0x96) + 1), text.subarray(text.lastIndexOf(0x96) + 3)]));
    for (const how of [worker, false] as const) {
      const library = join(tmp(), `once-${how ? 'worker' : 'main'}.jsnalib`);
      const summary = await importToPath(library, [big, REAL_FILE, mixed], { worker: how });
      expect(summary.vintages.map((v) => v.sha256)).toEqual([sha256(big), sha256(REAL_FILE), sha256(mixed)]);
      const db = new Database(library, { readonly: true });
      try {
        expect(db.prepare('SELECT DISTINCT sha256 FROM vintages ORDER BY id').all()).toEqual([big, REAL_FILE, mixed].map((f) => ({ sha256: sha256(f) })));
        expect(db.prepare("SELECT name FROM areas WHERE code = 'W06000001'").get()).toEqual({ name: 'Ynys M\u00c3\u00b4n' });
        expect(db.prepare("SELECT value_note FROM indicator_values WHERE value_note LIKE 'Data for%'").get()).toEqual({ value_note: 'Data for 2015 \u2013 provisional' });
      } finally {
        db.close();
      }
      // The same files again: each is already its indicators' newest vintage, so nothing changes.
      expect(await importToPath(library, [big, REAL_FILE, mixed], { worker: how })).toMatchObject({ rows: 0, unchangedFiles: [big, REAL_FILE, mixed] });
    }
  });

  it('reads the data while the metadata is still being made: the rows wait for it, and the library is as with the metadata given at once', async () => {
    const big = bigFile(tmp());
    // A file without CI columns: its CIs are computed as the metadata's value type says (a
    // proportion, Wilson), not as its name suggests (a rate, Byar's), only if its rows wait for it.
    const canonical = HEADER.filter((h) => !/^(Lower|Upper) CI/.test(h));
    const noCis = writeFile(tmp(), 'no-cis.csv', fingertipsCsv(Array.from({ length: 40 }, (_, i) => row({ 'Indicator ID': '90009', 'Area Code': `E06${String(i).padStart(6, '0')}`, Count: '30', Denominator: '1000', Value: '3' })), { canonical }));
    const meta = writeFile(tmp(), 'meta.csv', 'indicator_id,unit,polarity,value_type,multiplier,definition,source\n93356,per 100,RAG - High is good,,,Laboratory reports,PHE\n90009,%,,proportion,100,A share,Test\n');
    const later = <T,>(value: T, ms = 300) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
    for (const how of [worker, false] as const) {
      const name = how ? 'worker' : 'main';
      const atOnce = join(tmp(), `at-once-${name}.jsnalib`);
      const summary = await importToPath(atOnce, [noCis, big, REAL_FILE], { worker: how, metadataPath: meta, now: () => new Date(0) });
      expect(summary.metadataIndicators).toBe(2);
      const waited = join(tmp(), `later-${name}.jsnalib`);
      expect(await importToPath(waited, [noCis, big, REAL_FILE], { worker: how, metadataLater: later(meta), now: () => new Date(0) })).toEqual(summary);
      expect(contents(waited)).toEqual(contents(atOnce));
      const methods = new Database(waited, { readonly: true });
      expect(methods.prepare("SELECT DISTINCT ci_method FROM indicator_values v JOIN series s ON s.id = v.series_id WHERE s.indicator_id = '90009'").all()).toEqual([{ ci_method: 'wilson' }]);
      methods.close();
      // No metadata after all: as without any.
      const none = join(tmp(), `none-${name}.jsnalib`);
      const plain = join(tmp(), `plain-${name}.jsnalib`);
      expect(await importToPath(none, [REAL_FILE], { worker: how, metadataLater: later(null), now: () => new Date(0) })).toEqual(await importToPath(plain, [REAL_FILE], { worker: how, now: () => new Date(0) }));
      // Metadata that fails: the import fails with its error, the library as it was.
      const before = sha256(plain);
      const failing = later(null).then((): string => {
        throw new AppError('UNREACHABLE', 'Fingertips could not be reached; your library is unchanged.');
      });
      await expect(importToPath(plain, [big], { worker: how, metadataLater: failing })).rejects.toThrow(/could not be reached/);
      expect(sha256(plain)).toBe(before);
    }
  });

  it('reads on the main thread when the worker cannot start', async () => {
    const broken = writeFile(tmp(), 'broken-worker.cjs', 'throw new Error("no worker here");');
    const summary = await importToPath(join(tmp(), 'library.jsnalib'), [REAL_FILE], { worker: broken });
    expect(summary.rows).toBe(REAL_RECORDS);
    // A repeated row (found while writing) before a bad value (found while reading): the first is reported.
    const both = writeFile(tmp(), 'both.csv', fingertipsCsv([row(), row({ Value: '52' }), row({ 'Area Code': 'E1', Count: 'x' })]));
    await expect(importToPath(join(tmp(), 'other.jsnalib'), [both], { worker: broken })).rejects.toThrow(`${both}:3: this row repeats an earlier one`);
  });

  it('reading on the main thread because the worker cannot start still waits for metadata still being made', async () => {
    const broken = writeFile(tmp(), 'broken-worker.cjs', 'throw new Error("no worker here");');
    const canonical = HEADER.filter((h) => !/^(Lower|Upper) CI/.test(h));
    const noCis = writeFile(tmp(), 'no-cis.csv', fingertipsCsv(Array.from({ length: 40 }, (_, i) => row({ 'Indicator ID': '90009', 'Area Code': `E06${String(i).padStart(6, '0')}`, Count: '30', Denominator: '1000', Value: '3' })), { canonical }));
    const meta = writeFile(tmp(), 'meta.csv', 'indicator_id,unit,polarity,value_type,multiplier,definition,source\n90009,%,,proportion,100,A share,Test\n');
    const later = new Promise<string>((resolve) => setTimeout(() => resolve(meta), 300));
    const library = join(tmp(), 'library.jsnalib');
    await importToPath(library, [noCis], { worker: broken, metadataLater: later });
    const db = new Database(library, { readonly: true });
    try {
      expect(db.prepare('SELECT DISTINCT ci_method FROM indicator_values').all()).toEqual([{ ci_method: 'wilson' }]);
    } finally {
      db.close();
    }
  });
});

describe('metadata still being made when the import cannot start', () => {
  const tmp = useTempDir();

  it('leaves no rejection of it unhandled (the library cannot be opened; a cancel before the start)', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failingLater = () =>
        new Promise<string>((_, reject) => setTimeout(() => reject(new AppError('CANCELLED', 'The metadata request was stopped.')), 50));
      const noFolder = join(tmp(), 'missing', 'library.jsnalib');
      await expect(importToPath(noFolder, [REAL_FILE], { worker: false, metadataLater: failingLater() })).rejects.toThrow();
      const controller = new AbortController();
      controller.abort();
      await expect(importToPath(join(tmp(), 'library.jsnalib'), [REAL_FILE], { worker: false, signal: controller.signal, metadataLater: failingLater() })).rejects.toMatchObject({ code: 'CANCELLED' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
