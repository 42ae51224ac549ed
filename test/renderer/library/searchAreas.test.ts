import { describe, expect, it } from 'vitest';
import type { AreaInfo } from '../../../shared/api/library';
import { matchAreas, searchSummary } from '../../../renderer/library/searchAreas';

const area = (code: string, name: string): AreaInfo => ({ code, name, areaType: null, parentCode: null });
const AREAS = [area('E06000016', 'Leicester'), area('E10000018', 'Leicestershire'), area('E06000017', 'Rutland'), area('E08000035', 'Leeds')];

describe('searching areas by name and code', () => {
  it('matches names and codes, case-insensitively, names starting with the search first', () => {
    expect(matchAreas(AREAS, 'leic').map((a) => a.name)).toEqual(['Leicester', 'Leicestershire']);
    expect(matchAreas(AREAS, 'e0600001').map((a) => a.code)).toEqual(['E06000016', 'E06000017']);
    expect(matchAreas(AREAS, 'LAND').map((a) => a.name)).toEqual(['Rutland']);
    expect(matchAreas(AREAS, '  ')).toEqual([]);
  });

  it('says what it searched and what it found', () => {
    expect(searchSummary({ search: 'leic', indicatorsSearched: 3, areasSearched: 162, indicatorsFound: 0, areasFound: 2 })).toBe(
      "Searched 3 indicators and 162 areas for 'leic': 0 indicators, 2 areas.",
    );
    expect(searchSummary({ search: '', indicatorsSearched: 3, areasSearched: 162, indicatorsFound: 1, areasFound: 0, areaName: 'Leicester' })).toBe('1 indicator with data for Leicester');
    expect(searchSummary({ search: 'obesity', indicatorsSearched: 1, areasSearched: 1, indicatorsFound: 1, areasFound: 0, areaName: 'Leicester' })).toBe(
      "Searched 1 indicator with data for Leicester and 1 area for 'obesity': 1 indicator, 0 areas.",
    );
  });
});
