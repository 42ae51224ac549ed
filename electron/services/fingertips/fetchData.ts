import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ImportSummary } from '../../../shared/api/library';
import { type ImportProgress, importToPath } from '../library/importFiles';
import { GrowingFile } from '../text/growingFile';
import type { DataRequest, FingertipsClient } from './client';
import { recordFetchedRequests } from './fetchedRequests';
import { metadataCsv } from './metadataCsv';
import { readPublisherPolarity } from './publisherPolarity';
import { metadataName, requestName } from './requestName';

export interface FetchOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  /** Area type ID → its name, shown in the vintages' names, e.g. "Counties & UAs (from Apr 2023)". */
  areaTypeNames?: ReadonlyMap<number, string> | undefined;
  createFolder?: boolean;
  /** Where the temporary download folder goes (default: the system's temporary folder). */
  tempDir?: string | undefined;
}

export interface FetchSummary extends ImportSummary {
  /** Each request's vintage name ("Fingertips API" and the request) and address. */
  requests: { source: string; url: string; bytes: number }[];
}

export function checkRequests(reqs: DataRequest[]): void {
  if (reqs.length === 0 || reqs.some((r) => r.indicatorIds.length === 0)) {
    throw new AppError('BAD_INPUT', 'Choose at least one indicator to fetch.', { field: 'indicatorIds' });
  }
}

/**
 * Fetches CSVs from Fingertips into the library at `libraryPath` as one import, everything at once:
 * the data downloads start straight away (one after another), each body streamed to a temporary
 * file that the strict importer reads as it grows (text/growingFile.ts: memory stays flat, and the
 * file is there if it must be read again); the indicators' metadata is asked for meanwhile and
 * written as a metadata CSV, which the import waits for before its first row. The files go through
 * the importer exactly as downloaded files would (same checks, one transaction, vintages named
 * "Fingertips API: …" with each file's sha256). A download retried after some of it was read makes
 * the import start again from the retried file. The first failure (a download, the metadata, a
 * bad row) or a cancel stops the rest and is what is reported; the library is then unchanged. The
 * temporary files are deleted whatever happens.
 */
export async function fetchToLibrary(client: FingertipsClient, libraryPath: string, reqs: DataRequest[], opts: FetchOptions = {}): Promise<FetchSummary> {
  checkRequests(reqs);
  const dir = mkdtempSync(join(opts.tempDir ?? tmpdir(), 'jsna-fingertips-'));
  // One signal for all the parts: the caller's cancel, or the first failure.
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  opts.signal?.addEventListener('abort', onCancel, { once: true });
  if (opts.signal?.aborted) stop.abort();
  try {
    const allIds = [...new Set(reqs.flatMap((r) => r.indicatorIds))];
    const files = reqs.map((req, i) => ({ req, source: requestName(req, opts.areaTypeNames?.get(req.areaTypeId)), data: new GrowingFile(join(dir, `data-${i + 1}.csv`)) }));
    let failure: { error: unknown } | null = null;
    const fail = (error: unknown) => {
      failure ??= { error };
      stop.abort();
      for (const f of files) f.data.fail();
    };
    const requests: FetchSummary['requests'] = [];
    let downloading = true;
    let downloaded = 0;
    const metaPath = join(dir, 'metadata.csv');
    // The metadata is asked for at once, as the data is: the import reads the data meanwhile, and its
    // rows wait for the metadata.
    const metadataLater = writeMetadata(client, allIds, dir, metaPath, stop.signal, opts.onProgress).then((has) => (has ? metaPath : null));
    const importing = (async () => {
      return importToPath(libraryPath, files.map((f) => f.data.path), {
        format: 'fingertips',
        metadataLater,
        metadataByPublisher: true,
        names: new Map([...files.map((f): [string, string] => [f.data.path, f.source]), [metaPath, metadataName(allIds)]]),
        growing: new Map(files.map((f) => [f.data.path, f.data.shared])),
        signal: stop.signal,
        // The download's progress while it lasts; then the import's, as it finishes reading and merges.
        onProgress: (p) => !downloading && opts.onProgress?.(p.total > 0 ? p : { ...p, total: downloaded }),
        createFolder: opts.createFolder ?? false,
        beforeCommit: (db, now) => recordFetchedRequests(db, files.map((f) => ({ request: f.source, indicatorIds: f.req.indicatorIds })), now),
      });
    })();
    const downloads = (async () => {
      for (const { req, source, data } of files) {
        const label = `Downloading from Fingertips: ${source.replace(/^Fingertips API: /, '')}`;
        const bytes = await client.downloadData(req, data, {
          signal: stop.signal,
          onProgress: (p) => opts.onProgress?.({ label, done: p.bytes, total: p.totalBytes ?? 0 }),
        });
        data.complete();
        downloaded += bytes;
        requests.push({ source, url: client.dataUrl(req), bytes });
      }
      downloading = false;
    })();
    const [, imported] = await Promise.allSettled([downloads.catch(fail), importing.catch(fail)]);
    if (failure) throw (failure as { error: unknown }).error;
    const summary = (imported as PromiseFulfilledResult<ImportSummary | undefined>).value!;
    return { ...summary, requests };
  } finally {
    opts.signal?.removeEventListener('abort', onCancel);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The indicators' metadata (JSON, and the CSV with their polarity, asked for together) as a metadata CSV at `metaPath`; false when Fingertips knows none of them. */
async function writeMetadata(
  client: FingertipsClient,
  ids: number[],
  dir: string,
  metaPath: string,
  signal: AbortSignal,
  onProgress: FetchOptions['onProgress'],
): Promise<boolean> {
  onProgress?.({ label: 'Reading indicator metadata from Fingertips', done: 0, total: 0 });
  const publisherCsv = join(dir, 'publisher-metadata.csv');
  const [metadata] = await Promise.all([client.metadata(ids, signal), client.downloadMetadataCsv(ids, publisherCsv, signal)]);
  const known = [...metadata.values()].filter((m) => ids.includes(m.IID));
  if (known.length > 0) writeFileSync(metaPath, metadataCsv(known, readPublisherPolarity(publisherCsv)));
  return known.length > 0;
}
