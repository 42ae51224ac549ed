import { FingertipsClient } from './client';
import type { HttpOptions } from './http';
import { resolveBaseUrl } from './baseUrl';

export { FingertipsClient, type DataRequest } from './client';

/** A client for the configured address (JSNA_FINGERTIPS_URL, else the project's setting, else the public service). */
export function fingertipsClient(setting?: string | null, http: HttpOptions = {}): FingertipsClient {
  return new FingertipsClient(resolveBaseUrl(setting), http);
}

/** Area type ID → name, for naming vintages. */
export async function areaTypeNames(client: FingertipsClient, signal?: AbortSignal): Promise<Map<number, string>> {
  return new Map((await client.parentAreaTypes(signal)).map((t) => [t.Id, t.Name]));
}
