import type { FingertipsRequest, FingertipsUpdateCheck } from '../api/fingertips';

/**
 * What "Update" fetches: for each earlier request that has news, only its indicators that have news
 * (same area type and parent type), so an indicator whose values did not change gets no new vintage
 * and its charts no "Newer data" badge. A request that could not be checked is not fetched again.
 */
export function updateRequests(checks: readonly FingertipsUpdateCheck[], only?: readonly string[]): FingertipsRequest[] {
  const wanted = only ? new Set(only) : null;
  const bySource = new Map<string, FingertipsRequest>();
  for (const c of checks) {
    if (c.status === 'unchanged' || c.status === 'not-checked' || (wanted && !wanted.has(c.indicatorId))) continue;
    const id = Number(c.indicatorId);
    const req = bySource.get(c.source);
    if (req) req.indicatorIds.push(id);
    else bySource.set(c.source, { indicatorIds: [id], areaTypeId: c.request.areaTypeId, parentAreaTypeId: c.request.parentAreaTypeId });
  }
  return [...bySource.values()];
}
