import type { AreaInfo } from '../../shared/api/library';

/** Areas whose name or code contains the search (case-insensitive), names starting with it first. */
export function matchAreas(areas: readonly AreaInfo[], search: string): AreaInfo[] {
  const q = search.trim().toLowerCase();
  if (!q) return [];
  const hits = areas.filter((a) => a.name.toLowerCase().includes(q) || a.code.toLowerCase().includes(q));
  const starts = (a: AreaInfo) => (a.name.toLowerCase().startsWith(q) || a.code.toLowerCase().startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name, 'en-GB'));
}

const plural = (n: number, one: string) => `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;

/**
 * What the search looked through and found, e.g. "Searched 3 indicators and 162 areas for 'leic':
 * 0 indicators, 2 areas." Without a search: how many indicators are listed (for the chosen area).
 */
export function searchSummary(opts: { search: string; indicatorsSearched: number; areasSearched: number; indicatorsFound: number; areasFound: number; areaName?: string }): string {
  const forArea = opts.areaName ? ` with data for ${opts.areaName}` : '';
  const q = opts.search.trim();
  if (!q) return `${plural(opts.indicatorsFound, 'indicator')}${forArea}`;
  return `Searched ${plural(opts.indicatorsSearched, 'indicator')}${forArea} and ${plural(opts.areasSearched, 'area')} for '${q}': ${plural(opts.indicatorsFound, 'indicator')}, ${plural(opts.areasFound, 'area')}.`;
}
