import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsna } from '../../helpers/cli';
import { sha256 } from '../../helpers/files';
import { FIXTURES, type ReplayServer, startFingertipsReplay } from '../../helpers/fingertipsReplay';
import { useTempDir } from '../../helpers/tmp';

describe('jsna fingertips … and jsna library check-updates, against the replay server', () => {
  let server: ReplayServer;
  const tmp = useTempDir();
  beforeAll(async () => {
    server = await startFingertipsReplay();
  });
  afterAll(() => server.close());

  it('searches, fetches into a new library, and checks for updates (one newer period)', async () => {
    const url = ['--fingertips-url', server.url];
    const search = await jsna('fingertips', 'search', 'campylobacter', ...url);
    expect(search.err).toBe('');
    expect(JSON.parse(search.out)).toEqual([
      { id: 93356, name: 'Campylobacter incidence rate/100,000', areaTypeIds: [6, 15, 102, 402] },
      { id: 99001, name: 'Test copy of campylobacter incidence (replay fixture, not a real indicator)', areaTypeIds: [402] },
    ]);
    const lib = join(tmp(), 'lib.jsnalib');
    const fetched = await jsna('fingertips', 'fetch', lib, '--indicator', '93356', '--area-type', '402', '--parent-area-type', '6', ...url);
    expect(fetched.err).toBe('');
    const summary = JSON.parse(fetched.out);
    expect(summary).toMatchObject({ rows: 852, indicators: 1, areas: 162, metadataIndicators: 1 });
    expect(summary.vintages[0].fileName).toBe('Fingertips API: indicator 93356, area type 402, parent area type 6 (Upper tier local authorities (4-21-3-23))');
    expect(summary.requests[0].url).toBe(`${server.url}/all_data/csv/by_indicator_id?indicator_ids=93356&child_area_type_id=402&parent_area_type_id=6`);

    const same = JSON.parse((await jsna('library', 'check-updates', lib, ...url)).out);
    expect(same.map((c: { status: string }) => c.status)).toEqual(['unchanged']);
    server.serveNewer();
    const before = sha256(lib);
    const checked = await jsna('library', 'check-updates', lib, ...url);
    expect(JSON.parse(checked.out)).toEqual([
      {
        indicatorId: '93356',
        indicatorName: 'Campylobacter incidence rate/100,000',
        status: 'newer-period',
        source: 'Fingertips API: indicator 93356, area type 402, parent area type 6 (Upper tier local authorities (4-21-3-23))',
        request: { indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 },
        libraryLatestPeriod: '2017',
        fingertipsLatestPeriod: '2018',
        newValues: 3,
        changedValues: 0,
        withdrawnValues: 0,
        withdrawnExamples: [],
      },
    ]);
    expect(sha256(lib)).toBe(before);

    // Fingertips no longer publishes Leicester (E06000016): its 5 values in the library are counted and named.
    const recorded = readFileSync(join(FIXTURES, 'data', '93356-402-6.csv'), 'latin1');
    server.fault('/api/all_data', { body: Buffer.from(recorded.split(/\r\n(?=93356,)/).filter((r) => !r.includes(',E06000016,')).join('\r\n') + '\r\n', 'latin1') });
    try {
      const withdrawn = JSON.parse((await jsna('library', 'check-updates', lib, ...url)).out);
      expect(withdrawn).toEqual([expect.objectContaining({ status: 'withdrawn-values', newValues: 0, changedValues: 0, withdrawnValues: 5 })]);
      expect(withdrawn[0].withdrawnExamples[0]).toEqual({ period: '2015', areaCode: 'E06000016', areaName: 'Leicester', sex: 'Persons', age: '0-9 yrs', categoryType: '', category: '' });
    } finally {
      server.clearFaults();
    }
    expect(sha256(lib)).toBe(before);
  });

  it('bad input is refused with exit code 2; an unreachable service with exit code 1 and the offline message', async () => {
    const bad = await jsna('fingertips', 'fetch', join(tmp(), 'x.jsnalib'), '--indicator', '93356;drop', '--area-type', '402', '--fingertips-url', server.url);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--indicator takes Fingertips IDs separated by commas/);
    const gone = await startFingertipsReplay();
    await gone.close();
    const offline = await jsna('fingertips', 'search', 'campylobacter', '--fingertips-url', gone.url);
    expect(offline.code).toBe(1);
    expect(offline.err).toMatch(/Fingertips could not be reached; your library is unchanged\./);
  });
});
