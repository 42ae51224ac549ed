import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { FingertipsRequest } from '../../../shared/api/fingertips';
import { type DownloadProgress, type DownloadTarget, downloadTo, getJson, type HttpOptions } from './http';
import {
  areasSchema,
  areaTypesSchema,
  availableDataSchema,
  groupMetadataSchema,
  type IndicatorMetadataJson,
  indicatorMetadataSchema,
  indicatorNamesSchema,
  indicatorSearchSchema,
  parentAreaTypesSchema,
  profilesSchema,
} from './schemas';

/** What one CSV request asks for: the API's all_data/csv/by_indicator_id parameters. */
export type DataRequest = FingertipsRequest;

/**
 * The Fingertips API (https://fingertips.phe.org.uk/api by default): every request goes to
 * `baseUrl` and nowhere else; every JSON answer is checked before use.
 */
export class FingertipsClient {
  constructor(
    readonly baseUrl: string,
    private readonly http: HttpOptions = {},
  ) {}

  url(path: string, params: Record<string, string | number> = {}): string {
    const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    return `${this.baseUrl}/${path}${q ? `?${q}` : ''}`;
  }

  private async get<S extends z.ZodType>(schema: S, path: string, params: Record<string, string | number>, signal?: AbortSignal): Promise<z.output<S>> {
    const url = this.url(path, params);
    const body = await getJson(url, { ...this.http, signal: signal ?? this.http.signal });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError(
        'UNREACHABLE',
        `Fingertips sent an answer this app does not understand (${path}: ${issue.path.join('.') || 'the answer'}: ${issue.message}); your library is unchanged.`,
        { url },
      );
    }
    return parsed.data;
  }

  profiles(signal?: AbortSignal) {
    return this.get(profilesSchema, 'profiles', {}, signal);
  }

  /** A profile's groups (its domains, e.g. "Child and maternal health"). */
  groups(groupIds: number[], signal?: AbortSignal) {
    if (groupIds.length === 0) return Promise.resolve([]);
    return this.get(groupMetadataSchema, 'group_metadata', { group_ids: groupIds.join(',') }, signal);
  }

  indicatorsInGroups(groupIds: number[], signal?: AbortSignal) {
    return this.get(indicatorNamesSchema, 'indicator_names/by_group_id', { group_ids: groupIds.join(',') }, signal);
  }

  areaTypes(signal?: AbortSignal) {
    return this.get(areaTypesSchema, 'area_types', {}, signal);
  }

  /** Every area type with the parent area types it can be grouped by. */
  parentAreaTypes(signal?: AbortSignal) {
    return this.get(parentAreaTypesSchema, 'area_types/parent_area_types', {}, signal);
  }

  areas(areaTypeId: number, signal?: AbortSignal) {
    return this.get(areasSchema, 'areas/by_area_type', { area_type_id: areaTypeId }, signal);
  }

  /** Which area types an indicator has data for. */
  async availableAreaTypes(indicatorId: number, signal?: AbortSignal): Promise<number[]> {
    const rows = await this.get(availableDataSchema, 'available_data', { indicator_id: indicatorId }, signal);
    return [...new Set(rows.filter((r) => r.IndicatorId === indicatorId).map((r) => r.AreaTypeId))].sort((a, b) => a - b);
  }

  /** Indicators whose words match: area type ID → indicator IDs. */
  search(words: string, signal?: AbortSignal) {
    return this.get(indicatorSearchSchema, 'indicator_search', { search_text: words }, signal);
  }

  async metadata(indicatorIds: number[], signal?: AbortSignal): Promise<Map<number, IndicatorMetadataJson>> {
    const out = new Map<number, IndicatorMetadataJson>();
    // A few hundred IDs to a request keeps the address short.
    for (let i = 0; i < indicatorIds.length; i += 200) {
      const part = indicatorIds.slice(i, i + 200);
      const answer = await this.get(indicatorMetadataSchema, 'indicator_metadata/by_indicator_id', { indicator_ids: part.join(','), include_definition: 'yes' }, signal);
      for (const m of Object.values(answer)) out.set(m.IID, m);
    }
    return out;
  }

  /** Streams the indicators' metadata CSV (it has their polarity, which the JSON lacks) to `dest`. */
  downloadMetadataCsv(indicatorIds: number[], dest: string, signal?: AbortSignal): Promise<number> {
    return downloadTo(this.url('indicator_metadata/csv/by_indicator_id', { indicator_ids: indicatorIds.join(',') }), dest, { ...this.http, signal: signal ?? this.http.signal });
  }

  dataUrl(req: DataRequest): string {
    return this.url('all_data/csv/by_indicator_id', {
      indicator_ids: req.indicatorIds.join(','),
      child_area_type_id: req.areaTypeId,
      parent_area_type_id: req.parentAreaTypeId,
    });
  }

  /** Streams the request's CSV to `dest` (a path, or e.g. a file read as it grows). */
  downloadData(req: DataRequest, dest: string | DownloadTarget, opts: { signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void } = {}): Promise<number> {
    return downloadTo(this.dataUrl(req), dest, { ...this.http, ...opts, signal: opts.signal ?? this.http.signal });
  }
}
