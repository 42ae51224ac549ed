import type { DataRequest } from './client';

const PREFIX = 'Fingertips API: ';

/**
 * How a fetched CSV is named in messages and in the vintages it records: "Fingertips API" and the
 * request, e.g. "Fingertips API: indicator 93356, area type 402, parent area type 6 (Counties & UAs
 * (from Apr 2023))". The library keeps a vintage's name after its last slash, so slashes in an area
 * type's name become "-". {@link parseRequestName} reads the request back for "Check for updates".
 */
export function requestName(req: DataRequest, areaTypeName?: string): string {
  const ids = req.indicatorIds.join(',');
  const what = `${req.indicatorIds.length === 1 ? 'indicator' : 'indicators'} ${ids}, area type ${req.areaTypeId}, parent area type ${req.parentAreaTypeId}`;
  const named = areaTypeName ? ` (${areaTypeName.replace(/[\\/]/g, '-').slice(0, 200)})` : '';
  return `${PREFIX}${what}${named}`;
}

export function metadataName(indicatorIds: number[]): string {
  return `${PREFIX}indicator metadata for ${indicatorIds.join(',')}`;
}

/** The request a vintage's name records, or null when the vintage is not from the Fingertips API. */
export function parseRequestName(name: string): DataRequest | null {
  const m = /^Fingertips API: indicators? (\d+(?:,\d+)*), area type (\d+), parent area type (\d+)(?: \(|$)/.exec(name);
  if (!m) return null;
  return { indicatorIds: m[1]!.split(',').map(Number), areaTypeId: Number(m[2]), parentAreaTypeId: Number(m[3]) };
}

export function isFingertipsApiName(name: string): boolean {
  return name.startsWith(PREFIX);
}
