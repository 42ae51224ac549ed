import { AppError } from '../../../shared/api/errors';
import type { FingertipsAreaType, FingertipsIndicator, FingertipsPlan, FingertipsProfile, FingertipsSearchResult } from '../../../shared/api/fingertips';
import type { DataRequest, FingertipsClient } from './client';

type Signal = AbortSignal | undefined;

/** Indicators whose words match, with their names (from their metadata), best known first. */
export async function searchIndicators(client: FingertipsClient, words: string, signal?: Signal): Promise<FingertipsSearchResult[]> {
  const byAreaType = await client.search(words, signal);
  const areaTypes = new Map<number, number[]>();
  for (const [areaType, ids] of Object.entries(byAreaType)) {
    for (const id of ids) areaTypes.set(id, [...(areaTypes.get(id) ?? []), Number(areaType)]);
  }
  const ids = [...areaTypes.keys()].slice(0, 200);
  if (ids.length === 0) return [];
  const metadata = await client.metadata(ids, signal);
  return ids
    .map((id) => ({ id, name: metadata.get(id)?.Descriptive.Name ?? `Indicator ${id}`, areaTypeIds: areaTypes.get(id)!.sort((a, b) => a - b) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id - b.id);
}

export async function listProfiles(client: FingertipsClient, signal?: Signal): Promise<FingertipsProfile[]> {
  return (await client.profiles(signal)).map((p) => ({ id: p.Id, name: p.Name, groupIds: p.GroupIds })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** A profile's domains, in the profile's own order. */
export async function listGroups(client: FingertipsClient, profileId: number, signal?: Signal): Promise<FingertipsIndicator[]> {
  const profile = (await client.profiles(signal)).find((p) => p.Id === profileId);
  if (!profile) throw new AppError('NOT_FOUND', `Fingertips has no profile ${profileId}.`, { field: 'profileId' });
  const groups = new Map((await client.groups(profile.GroupIds, signal)).map((g) => [g.Id, g.Name]));
  return profile.GroupIds.filter((id) => groups.has(id)).map((id) => ({ id, name: groups.get(id)! }));
}

export async function listGroupIndicators(client: FingertipsClient, groupId: number, signal?: Signal): Promise<FingertipsIndicator[]> {
  const seen = new Map<number, string>();
  for (const r of await client.indicatorsInGroups([groupId], signal)) if (!seen.has(r.IndicatorId)) seen.set(r.IndicatorId, r.IndicatorName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The area types the indicators have data for (available_data), each with its parent area types. */
export async function listAreaTypes(client: FingertipsClient, indicatorIds: number[], signal?: Signal): Promise<FingertipsAreaType[]> {
  const counts = new Map<number, number>();
  for (const id of indicatorIds) for (const t of await client.availableAreaTypes(id, signal)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const types = await client.parentAreaTypes(signal);
  return types
    .filter((t) => counts.has(t.Id))
    .map((t) => ({ id: t.Id, name: t.Name, indicators: counts.get(t.Id)!, parents: t.ParentAreaTypes.map((p) => ({ id: p.Id, name: p.Name })) }))
    .sort((a, b) => b.indicators - a.indicators || a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * What a fetch will ask for: only the indicators that have data for the area type, and how many areas
 * that type has. Fingertips says nothing of a CSV's row count before it is downloaded.
 */
/** Fingertips' area type for England as a whole (the default parent area type). */
export const ENGLAND_AREA_TYPE = 15;

export async function planFetch(client: FingertipsClient, req: DataRequest, signal?: Signal): Promise<FingertipsPlan & { areaTypeName: string }> {
  const has: number[] = [];
  const leftOut: number[] = [];
  for (const id of req.indicatorIds) ((await client.availableAreaTypes(id, signal)).includes(req.areaTypeId) ? has : leftOut).push(id);
  const types = await client.parentAreaTypes(signal);
  const type = types.find((t) => t.Id === req.areaTypeId);
  if (!type) throw new AppError('NOT_FOUND', `Fingertips has no area type ${req.areaTypeId}.`, { field: 'areaTypeId' });
  const parent = type.ParentAreaTypes.find((p) => p.Id === req.parentAreaTypeId) ?? types.find((t) => t.Id === req.parentAreaTypeId);
  const areas = (await client.areas(req.areaTypeId, signal)).length;
  const n = has.length;
  const description =
    n === 0
      ? `None of the chosen indicators has data for ${type.Name}.`
      : `Will fetch every period, sex, age and category of ${n} indicator${n === 1 ? '' : 's'} for ${areas === 0 ? 'the areas' : `the ${areas.toLocaleString('en-GB')} areas`} of ${type.Name}` +
        `${parent ? (parent.Id === ENGLAND_AREA_TYPE ? ', with England' : `, with their ${parent.Name} and England`) : ''}, as one CSV (Fingertips gives no row count before the download).` +
        // Fingertips lists no areas for some older area types, yet serves their data: say so rather than "the 0 areas".
        (areas === 0 ? ` Fingertips lists no areas for ${type.Name}; the download will show what it has.` : '') +
        (leftOut.length ? ` Left out, no data for this area type: ${leftOut.join(', ')}.` : '');
  return { indicatorIds: has, leftOut, areas, description, url: client.dataUrl({ ...req, indicatorIds: has.length ? has : req.indicatorIds }), areaTypeName: type.Name };
}
