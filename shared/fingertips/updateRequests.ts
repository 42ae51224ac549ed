import type { FingertipsRequest, FingertipsUpdateCheck } from '../api/fingertips';

const NOTHING_TO_FETCH: ReadonlySet<FingertipsUpdateCheck['status']> = new Set(['unchanged', 'not-checked', 'withdrawn-values']);

/**
 * What "Update" fetches: for each earlier request that has news, only its indicators that have news
 * (same area type and parent type), so an indicator whose values did not change gets no new vintage
 * and its charts no "Newer data" badge. A request that could not be checked is not fetched again,
 * nor one whose only news is withdrawn values: a fetch merges (it deletes nothing), so it would
 * bring nothing in and the withdrawn values would still be listed.
 */

export function updateRequests(checks: readonly FingertipsUpdateCheck[], only?: readonly string[]): FingertipsRequest[] {
  const wanted = only ? new Set(only) : null;
  const bySource = new Map<string, FingertipsRequest>();
  for (const c of checks) {
    if (NOTHING_TO_FETCH.has(c.status) || (wanted && !wanted.has(c.indicatorId))) continue;
    const id = Number(c.indicatorId);
    const req = bySource.get(c.source);
    if (req) req.indicatorIds.push(id);
    else bySource.set(c.source, { indicatorIds: [id], areaTypeId: c.request.areaTypeId, parentAreaTypeId: c.request.parentAreaTypeId });
  }
  return [...bySource.values()];
}
