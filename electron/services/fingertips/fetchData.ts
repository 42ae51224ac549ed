import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ImportSummary } from '../../../shared/api/library';
import { type ImportProgress, importToPath } from '../library/importFiles';
import type { DataRequest, FingertipsClient } from './client';
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
 * Fetches CSVs from Fingertips into the library at `libraryPath` as one import: each body is
 * streamed to a temporary file, the indicators' metadata written beside them as a metadata CSV, and
 * all go through the strict importer exactly as downloaded files would (same checks, one
 * transaction, vintages named "Fingertips API: …" with each file's sha256). The temporary files are
 * deleted whatever happens; on any failure or cancel the library is unchanged.
 */
export async function fetchToLibrary(client: FingertipsClient, libraryPath: string, reqs: DataRequest[], opts: FetchOptions = {}): Promise<FetchSummary> {
  checkRequests(reqs);
  const dir = mkdtempSync(join(opts.tempDir ?? tmpdir(), 'jsna-fingertips-'));
  try {
    const allIds = [...new Set(reqs.flatMap((r) => r.indicatorIds))];
    opts.onProgress?.({ label: 'Reading indicator metadata from Fingertips', done: 0, total: 0 });
    const metadata = await client.metadata(allIds, opts.signal);
    const publisherCsv = join(dir, 'publisher-metadata.csv');
    await client.downloadMetadataCsv(allIds, publisherCsv, opts.signal);
    const polarity = readPublisherPolarity(publisherCsv);
    const names = new Map<string, string>();
    const paths: string[] = [];
    const requests: FetchSummary['requests'] = [];
    for (const [i, req] of reqs.entries()) {
      const source = requestName(req, opts.areaTypeNames?.get(req.areaTypeId));
      const csvPath = join(dir, `data-${i + 1}.csv`);
      const label = `Downloading from Fingertips: ${source.replace(/^Fingertips API: /, '')}`;
      const bytes = await client.downloadData(req, csvPath, {
        signal: opts.signal,
        onProgress: (p) => opts.onProgress?.({ label, done: p.bytes, total: p.totalBytes ?? 0 }),
      });
      names.set(csvPath, source);
      paths.push(csvPath);
      requests.push({ source, url: client.dataUrl(req), bytes });
    }
    const metaPath = join(dir, 'metadata.csv');
    names.set(metaPath, metadataName(allIds));
    const known = [...metadata.values()].filter((m) => allIds.includes(m.IID));
    if (known.length > 0) writeFileSync(metaPath, metadataCsv(known, polarity));
    const summary = await importToPath(libraryPath, paths, {
      format: 'fingertips',
      ...(known.length > 0 ? { metadataPath: metaPath } : {}),
      names,
      signal: opts.signal,
      onProgress: opts.onProgress,
      createFolder: opts.createFolder ?? false,
    });
    return { ...summary, requests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
