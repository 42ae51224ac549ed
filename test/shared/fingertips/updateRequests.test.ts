import { describe, expect, it } from 'vitest';
import type { FingertipsUpdateCheck } from '../../../shared/api/fingertips';
import { updateRequests } from '../../../shared/fingertips/updateRequests';

const check = (indicatorId: string, status: FingertipsUpdateCheck['status'], source: string, areaTypeId = 402): FingertipsUpdateCheck => ({
  indicatorId,
  indicatorName: `Indicator ${indicatorId}`,
  status,
  source,
  request: { indicatorIds: [93356, 99001], areaTypeId, parentAreaTypeId: 6 },
  libraryLatestPeriod: '2017',
  fingertipsLatestPeriod: '2018',
  newValues: 0,
  changedValues: 0,
  withdrawnValues: status === 'withdrawn-values' ? 3 : 0,
  withdrawnExamples: [],
});

describe('updateRequests', () => {
  it('asks again only for the indicators with news, one request per earlier request', () => {
    const checks = [
      check('93356', 'newer-period', 'A'),
      check('99001', 'unchanged', 'A'),
      check('93356', 'changed-values', 'B', 102),
      check('90361', 'changed-values', 'B', 102),
    ];
    expect(updateRequests(checks)).toEqual([
      { indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 },
      { indicatorIds: [93356, 90361], areaTypeId: 102, parentAreaTypeId: 6 },
    ]);
    expect(updateRequests(checks, ['90361'])).toEqual([{ indicatorIds: [90361], areaTypeId: 102, parentAreaTypeId: 6 }]);
    expect(updateRequests([check('1', 'unchanged', 'A')])).toEqual([]);
    // Withdrawn values only: fetching again would merge and delete nothing, so there is nothing to fetch.
    expect(updateRequests([check('1', 'withdrawn-values', 'A'), check('2', 'not-checked', 'A')])).toEqual([]);
    expect(updateRequests([check('1', 'withdrawn-values', 'A'), check('2', 'changed-values', 'A')])).toEqual([{ indicatorIds: [2], areaTypeId: 402, parentAreaTypeId: 6 }]);
  });
});
