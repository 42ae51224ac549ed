import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveBaseUrl } from '../../../../electron/services/fingertips/baseUrl';
import { listAreaTypes, listGroupIndicators, listGroups, listProfiles, planFetch, searchIndicators } from '../../../../electron/services/fingertips/browse';
import { checkUpdates } from '../../../../electron/services/fingertips/checkUpdates';
import { updateRequests } from '../../../../shared/fingertips/updateRequests';
import { FingertipsClient } from '../../../../electron/services/fingertips/client';
import { fetchToLibrary } from '../../../../electron/services/fingertips/fetchData';
import { importToPath } from '../../../../electron/services/library/importFiles';
import { getIndicatorDetail } from '../../../../electron/services/library/indicators';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { sha256 } from '../../../helpers/files';
import { readLibrary } from '../../../helpers/library';
import { FIXTURES, type ReplayServer, startFingertipsReplay } from '../../../helpers/fingertipsReplay';
import { useTempDir } from '../../../helpers/tmp';

const REQ = { indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 };
const NAMES = new Map([[402, 'Upper tier local authorities (4/21-3/23)']]);

/** A recorded answer's records (the header first), split where a record begins: a name may hold a line break. */
const records = (file: string) => readFileSync(join(FIXTURES, 'data', file), 'latin1').split(/\r\n(?=93356,)/);
const answer = (recs: readonly string[]) => Buffer.from(recs.join('\r\n').replace(/(\r\n)?$/, '\r\n'), 'latin1');
/** A recorded answer without one area's rows: as if Fingertips withdrew them. */
const withoutArea = (file: string, code: string) => answer(records(file).filter((r) => !r.includes(`,${code},`)));

describe('Fingertips client against the replay server', () => {
  let server: ReplayServer;
  let client: FingertipsClient;
  const tmp = useTempDir();
  const lib = () => join(tmp(), 'lib.jsnalib');
  /** The downloads' temporary folders go here (tmp() holds the library too), so the test can see they are gone. */
  const temp = () => {
    const d = join(tmp(), 'temp');
    mkdirSync(d, { recursive: true });
    return d;
  };
  const tempLeft = () => readdirSync(temp());

  beforeAll(async () => {
    server = await startFingertipsReplay();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.clearFaults();
    server.serveNewer(false);
    server.trickle(0, 0);
    server.gzip(false);
    // Short waits so the failure tests stay quick; the real defaults are 30 s, 2 retries, 500 ms.
    client = new FingertipsClient(server.url, { timeoutMs: 1500, retries: 2, backoffMs: 20 });
  });

  it('takes its address from JSNA_FINGERTIPS_URL, else the setting, else the public service; only http(s)', () => {
    expect(resolveBaseUrl(null, {})).toBe('https://fingertips.phe.org.uk/api');
    expect(resolveBaseUrl('http://127.0.0.1:9/api/', {})).toBe('http://127.0.0.1:9/api');
    expect(resolveBaseUrl('http://a/api', { JSNA_FINGERTIPS_URL: 'https://b/api' })).toBe('https://b/api');
    expect(() => resolveBaseUrl('file:///etc/passwd', {})).toThrow(/must start with https:\/\/ or http:\/\//);
    expect(() => resolveBaseUrl('https://x/api?redirect=evil', {})).toThrow(/without a query/);
  });

  it('searches by words: indicators with their names and the area types they have', async () => {
    const found = await searchIndicators(client, 'campylobacter');
    expect(found).toEqual([
      { id: 93356, name: 'Campylobacter incidence rate/100,000', areaTypeIds: [6, 15, 102, 402] },
      { id: 99001, name: 'Test copy of campylobacter incidence (replay fixture, not a real indicator)', areaTypeIds: [402] },
    ]);
    expect(await searchIndicators(client, 'nothing like this')).toEqual([]);
  });

  it('browses profile → domain → indicators', async () => {
    expect((await listProfiles(client)).map((p) => p.name)).toEqual(['Child and Maternal Health', 'Health Protection']);
    const groups = await listGroups(client, 46);
    expect(groups.map((g) => g.name)).toEqual(['Gastrointestinal infections', 'Tuberculosis']);
    expect((await listGroupIndicators(client, groups[0]!.id)).map((i) => i.id)).toEqual([93356, 99001]);
    await expect(listGroups(client, 9999)).rejects.toThrow('Fingertips has no profile 9999.');
  });

  it('offers only the area types the indicators have (available_data), with their parent types', async () => {
    const types = await listAreaTypes(client, [93356]);
    expect(types.map((t) => t.id).sort((a, b) => a - b)).toEqual([6, 15, 102, 402]);
    expect(types.find((t) => t.id === 402)!.parents.map((p) => p.id)).toEqual([6, 15]);
    // Lower tier (501) exists on Fingertips but not for this indicator: not offered.
    expect(types.some((t) => t.id === 501)).toBe(false);
    const both = await listAreaTypes(client, [93356, 99001]);
    expect(both[0]).toMatchObject({ id: 402, indicators: 2 });
    const plan = await planFetch(client, { indicatorIds: [93356, 99001], areaTypeId: 102, parentAreaTypeId: 6 });
    expect(plan.indicatorIds).toEqual([93356]);
    expect(plan.leftOut).toEqual([99001]);
    expect((await planFetch(client, REQ)).description).toMatch(/^Will fetch every period, sex, age and category of 1 indicator for the 152 areas of Upper tier local authorities/);
  });

  it('fetches a CSV with progress into the library through the strict importer: metadata, a "Fingertips API" vintage, temp files gone', async () => {
    server.trickle(32 * 1024, 5);
    const progress: { label: string; done: number; total: number }[] = [];
    const summary = await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES, createFolder: true, tempDir: temp(), onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ rows: 852, indicators: 1, metadataIndicators: 1 });
    const source = 'Fingertips API: indicator 93356, area type 402, parent area type 6 (Upper tier local authorities (4-21-3-23))';
    expect(summary.requests[0]!.source).toBe(source);
    const downloads = progress.filter((p) => p.label.startsWith('Downloading from Fingertips'));
    expect(downloads.length).toBeGreaterThan(3);
    expect(downloads.at(-1)).toMatchObject({ done: 200816, total: 200816 });
    const l = openLibrary(lib(), { readOnly: true });
    try {
      const d = getIndicatorDetail(l.db, '93356');
      expect(d.vintages.map((v) => [v.fileName, v.sha256])).toEqual([[source, '26e306e1426f7607d3cddeb06cc5adbd15e5ecc88c3edc6d3352fab67f4f06c8']]);
      expect(d.meta).toMatchObject({
        definition: 'Rate of laboratory confirmed reports of Campylobacter per 100,000 population',
        unit: 'per 100,000',
        valueType: 'rate',
        multiplier: 100000,
        // The publisher's polarity (the metadata CSV's "RAG - Low is good"), not an inference.
        polarity: 'low-is-good',
        polaritySource: 'metadata',
      });
      expect(d.meta.source).toMatch(/^UKHSA Second Generation Surveillance System \(SGSS\)\. Published by OHID Fingertips/);
    } finally {
      l.close();
    }
    expect(tempLeft()).toEqual([]);
  });

  it('a gzip-compressed answer (Content-Encoding) is the same file: same rows, same sha256', async () => {
    server.gzip(true);
    const summary = await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    expect(summary.rows).toBe(852);
    expect(summary.vintages[0]!.sha256).toBe('26e306e1426f7607d3cddeb06cc5adbd15e5ecc88c3edc6d3352fab67f4f06c8');
  });

  it('fetches a whole domain (several indicators) as one import', async () => {
    const ids = (await listGroupIndicators(client, 1938132907)).map((i) => i.id);
    const summary = await fetchToLibrary(client, lib(), [{ indicatorIds: ids, areaTypeId: 402, parentAreaTypeId: 6 }], { createFolder: true });
    expect(summary).toMatchObject({ rows: 1704, indicators: 2, metadataIndicators: 2 });
    expect(summary.vintages.map((v) => v.fileName)).toEqual([
      'Fingertips API: indicators 93356,99001, area type 402, parent area type 6',
      'Fingertips API: indicators 93356,99001, area type 402, parent area type 6',
    ]);
  });

  it('cancelled midway: the library is byte-identical and no temp file is left', async () => {
    await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    const before = sha256(lib());
    server.serveNewer();
    server.trickle(8 * 1024, 20);
    const controller = new AbortController();
    const run = fetchToLibrary(client, lib(), [REQ], {
      signal: controller.signal,
      tempDir: temp(),
      onProgress: (p) => p.done > 40_000 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(sha256(lib())).toBe(before);
    expect(tempLeft()).toEqual([]);
  });

  it('a 500 is retried, then a clear message, and the library (not there before) is not created', async () => {
    server.fault('/api/all_data', { status: 500 });
    const before = server.requests.length;
    await expect(fetchToLibrary(client, lib(), [REQ], { tempDir: temp() })).rejects.toThrow(
      /^Fingertips could not be reached; your library is unchanged\. http:\/\/127\.0\.0\.1:\d+\/api\/all_data\/csv\/by_indicator_id\?indicator_ids=93356&child_area_type_id=402&parent_area_type_id=6: the service answered 500 Internal Server Error \(tried 3 times\)\.$/,
    );
    expect(server.requests.slice(before).filter((r) => r.startsWith('/api/all_data')).length).toBe(3);
    expect(existsSync(lib())).toBe(false);
    expect(tempLeft()).toEqual([]);
  });

  it('a 500 once is retried and the fetch succeeds', async () => {
    server.fault('/api/all_data', { status: 500, times: 1 });
    expect((await fetchToLibrary(client, lib(), [REQ], { createFolder: true })).rows).toBe(852);
  });

  it('a timeout is retried, then a clear message, and the library is byte-identical', { timeout: 20_000 }, async () => {
    await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    const before = sha256(lib());
    client = new FingertipsClient(server.url, { timeoutMs: 300, retries: 1, backoffMs: 10 });
    server.fault('/api/all_data', { hang: true });
    await expect(fetchToLibrary(client, lib(), [REQ])).rejects.toThrow(/^Fingertips could not be reached; your library is unchanged\. .*: no answer within 0\.3 s \(tried 2 times\)\.$/);
    expect(sha256(lib())).toBe(before);
  });

  it('a 404 (no such combination) says Fingertips answered, not that it could not be reached; the library is unchanged', async () => {
    await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES, createFolder: true });
    const before = sha256(lib());
    await expect(fetchToLibrary(client, lib(), [{ ...REQ, parentAreaTypeId: 15 }])).rejects.toThrow(/^Fingertips was reached but did not give what was asked for: the service answered 404/);
    expect(sha256(lib())).toBe(before);
  });

  it('nothing listening: the offline message', async () => {
    const gone = await startFingertipsReplay();
    await gone.close();
    const offline = new FingertipsClient(gone.url, { timeoutMs: 1000, retries: 1, backoffMs: 10 });
    await expect(searchIndicators(offline, 'campylobacter')).rejects.toThrow(
      /^Fingertips could not be reached; your library is unchanged\. http:\/\/127\.0\.0\.1:\d+\/api\/indicator_search\?search_text=campylobacter: the connection was refused \(ECONNREFUSED\) \(tried 2 times\)\.$/,
    );
  });

  it('malformed CSV from the server: rejected with its line, the library byte-identical', async () => {
    await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    const before = sha256(lib());
    const header = 'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal';
    server.fault('/api/all_data', { body: `${header}\n93356,Campylobacter,,,E92000001,England,Country,Persons,All ages,,,2018,lots,,,,,,,,,,,20180000,,\n` });
    await expect(fetchToLibrary(client, lib(), [REQ])).rejects.toThrow(/^Fingertips API: indicator 93356, area type 402, parent area type 6:2: column "Value": "lots" is not a number/);
    expect(sha256(lib())).toBe(before);
  });

  it('hostile or malformed JSON answers give a clear error, never a crash', async () => {
    server.fault('/api/indicator_search', { body: '{"402": "DROP TABLE"}', times: 1 });
    await expect(searchIndicators(client, 'campylobacter')).rejects.toThrow(/^Fingertips sent an answer this app does not understand \(indicator_search: 402: /);
    server.fault('/api/profiles', { body: '<html>not json</html>', times: 1 });
    await expect(listProfiles(client)).rejects.toThrow(/^Fingertips sent an answer that is not JSON; your library is unchanged\./);
    server.fault('/api/profiles', { body: JSON.stringify([{ Id: 1, Name: 'x'.repeat(5000), GroupIds: [] }]), times: 1 });
    await expect(listProfiles(client)).rejects.toThrow(/does not understand \(profiles: 0\.Name: /);
  });

  // The publisher's own metadata being refreshed by a later fetch: test/electron/services/library/publisherMetadata.test.ts.
  it("the analyst's own metadata file is never replaced by the publisher's, the 2nd and 3rd fetch too", async () => {
    await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES, createFolder: true });
    const meta = () => readLibrary(lib(), (db) => getIndicatorDetail(db, '93356').meta);
    // A fetch again (the analyst has set nothing yet): the publisher's metadata as it was.
    await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES });
    expect(meta()).toMatchObject({ polarity: 'low-is-good', definition: 'Rate of laboratory confirmed reports of Campylobacter per 100,000 population' });

    const mine = join(tmp(), 'our-metadata.csv');
    writeFileSync(mine, 'indicator_id,definition,polarity\r\n93356,Our local definition,high-is-good\r\n');
    await importToPath(lib(), [], { metadataPath: mine });
    for (let round = 0; round < 3; round++) {
      // The same answer, then a newer edition (new values going in with the publisher's metadata), then that again.
      if (round === 1) server.serveNewer();
      await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES });
      expect(meta()).toMatchObject({ definition: 'Our local definition', polarity: 'high-is-good', polaritySource: 'metadata' });
    }
  });

  it('a fetch that brings nothing new (2nd and 3rd time) leaves updated_at as it was; one of newer data sets it', async () => {
    const updatedAt = () => readLibrary(lib(), (db) => (db.prepare("SELECT updated_at FROM indicators WHERE id = '93356'").get() as { updated_at: string }).updated_at);
    await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES, createFolder: true });
    const first = updatedAt();
    for (let round = 0; round < 2; round++) {
      await new Promise((r) => setTimeout(r, 5));
      await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES });
      expect(updatedAt()).toBe(first);
    }
    server.serveNewer();
    const newer = await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES });
    expect(newer.added + newer.updated).toBeGreaterThan(0);
    expect(updatedAt() > first).toBe(true);
  });

  it("an analyst's file that sets only the polarity keeps it through a fetch of newer data", async () => {
    const mine = join(tmp(), 'our-polarity.csv');
    await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES, createFolder: true });
    writeFileSync(mine, 'indicator_id,polarity\r\n93356,high-is-good\r\n');
    await importToPath(lib(), [], { metadataPath: mine });
    server.serveNewer();
    await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES });
    expect(readLibrary(lib(), (db) => getIndicatorDetail(db, '93356').meta)).toMatchObject({ polarity: 'high-is-good', definition: 'Rate of laboratory confirmed reports of Campylobacter per 100,000 population' });
  });

  it('check for updates finds one newer period; Update fetches it as a new vintage', async () => {
    await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES, createFolder: true });
    const unchanged = await checkUpdates(client, lib());
    expect(unchanged.map((c) => [c.indicatorId, c.status])).toEqual([['93356', 'unchanged']]);
    const before = sha256(lib());
    server.serveNewer();
    const checks = await checkUpdates(client, lib());
    expect(checks).toEqual([
      expect.objectContaining({ indicatorId: '93356', status: 'newer-period', libraryLatestPeriod: '2017', fingertipsLatestPeriod: '2018', newValues: 3, changedValues: 0, withdrawnValues: 0 }),
    ]);
    // Checking changes nothing.
    expect(sha256(lib())).toBe(before);
    const summary = await fetchToLibrary(client, lib(), updateRequests(checks, ['93356']), { areaTypeNames: NAMES });
    expect(summary.rows).toBe(855);
    const l = openLibrary(lib(), { readOnly: true });
    try {
      expect(getIndicatorDetail(l.db, '93356').vintages).toHaveLength(2);
    } finally {
      l.close();
    }
    expect((await checkUpdates(client, lib()))[0]!.status).toBe('unchanged');
  });

  it("check for updates counts the values the library has from a request that Fingertips' answer no longer has, of that request only; Update deletes nothing", async () => {
    // 93356 fetched for two area types: 402 (the recorded answer) and 102, for which Fingertips
    // answers two districts (Leicester's rows renamed: made-up values) that 402's answer never has.
    const DISTRICTS = { indicatorIds: [93356], areaTypeId: 102, parentAreaTypeId: 6 };
    const [header, ...rows] = records('93356-402-6.csv');
    const leicester = rows.filter((r) => r.includes(',E06000016,Leicester,'));
    expect(leicester).toHaveLength(5);
    const districts = answer([
      header!,
      ...['E07000032,Amber Valley', 'E07000035,Derbyshire Dales'].flatMap((area) => leicester.map((r) => r.replace('E06000016,Leicester,County & UA', `${area},District & UA`))),
    ]);
    server.fault('/api/all_data/csv/by_indicator_id?indicator_ids=93356&child_area_type_id=102&', { body: districts });
    await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES, createFolder: true });
    await fetchToLibrary(client, lib(), [DISTRICTS]);
    const stored = () => readLibrary(lib(), (db) => db.prepare("SELECT count(*) FROM indicator_values iv JOIN areas a ON a.id = iv.area_id WHERE a.code = 'E06000016'").pluck().get());
    expect(stored()).toBe(5);
    const fresh = await checkUpdates(client, lib());
    expect(fresh.map((c) => [c.request.areaTypeId, c.status, c.withdrawnValues])).toEqual([
      [402, 'unchanged', 0],
      [102, 'unchanged', 0],
    ]);

    // Fingertips no longer publishes Leicester for area type 402.
    const area402 = '/api/all_data/csv/by_indicator_id?indicator_ids=93356&child_area_type_id=402&';
    server.fault(area402, { body: withoutArea('93356-402-6.csv', 'E06000016') });
    const before = sha256(lib());
    const leicesterValue = (period: string, age = 'All ages') => ({ period, areaCode: 'E06000016', areaName: 'Leicester', sex: 'Persons', age, categoryType: '', category: '' });
    for (let round = 0; round < 3; round++) {
      const checks = await checkUpdates(client, lib());
      // Leicester's 5 values (two ages), by area, then period; the 10 district values of area type 102, absent from 402's answer too, are not 402's.
      expect(checks).toEqual([
        expect.objectContaining({
          request: REQ,
          status: 'withdrawn-values',
          newValues: 0,
          changedValues: 0,
          withdrawnValues: 5,
          withdrawnExamples: [leicesterValue('2015', '0-9 yrs'), leicesterValue('2015'), leicesterValue('2016', '0-9 yrs'), leicesterValue('2016'), leicesterValue('2017')],
        }),
        expect.objectContaining({ request: DISTRICTS, status: 'unchanged', withdrawnValues: 0, withdrawnExamples: [] }),
      ]);
      // Nothing to fetch: a fetch would merge and delete nothing.
      expect(updateRequests(checks)).toEqual([]);
      expect(sha256(lib())).toBe(before);
    }

    // A newer period too (its Leicester row withdrawn as well): Update fetches it and keeps Leicester's values.
    server.clearFaults();
    server.fault('/api/all_data/csv/by_indicator_id?indicator_ids=93356&child_area_type_id=102&', { body: districts });
    server.fault(area402, { body: withoutArea('93356-402-6.newer.csv', 'E06000016') });
    const newer = await checkUpdates(client, lib());
    expect(newer[0]).toMatchObject({ status: 'newer-period', fingertipsLatestPeriod: '2018', newValues: 2, withdrawnValues: 5 });
    await fetchToLibrary(client, lib(), updateRequests(newer), { areaTypeNames: NAMES });
    expect(stored()).toBe(5);
    // The answer is now the very file of the request's newest vintage; Leicester's values, from its
    // earlier vintage, are still the library's and still not Fingertips': still counted, each time.
    for (let round = 0; round < 2; round++) {
      expect((await checkUpdates(client, lib())).map((c) => [c.request.areaTypeId, c.status, c.newValues, c.withdrawnValues])).toEqual([
        [402, 'withdrawn-values', 0, 5],
        [102, 'unchanged', 0, 0],
      ]);
    }
    // Fingertips publishes Leicester again (its 2018 value new): nothing withdrawn.
    server.clearFaults();
    server.fault('/api/all_data/csv/by_indicator_id?indicator_ids=93356&child_area_type_id=102&', { body: districts });
    server.serveNewer();
    expect((await checkUpdates(client, lib()))[0]).toMatchObject({ status: 'changed-values', newValues: 1, withdrawnValues: 0, withdrawnExamples: [] });
  });

  it('check for updates checks every request an indicator was fetched with, not only the latest', async () => {
    const alone = { indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 };
    const withAnother = { indicatorIds: [93356, 99001], areaTypeId: 402, parentAreaTypeId: 6 };
    await fetchToLibrary(client, lib(), [withAnother], { areaTypeNames: NAMES, createFolder: true });
    await fetchToLibrary(client, lib(), [alone], { areaTypeNames: NAMES });
    server.serveNewer();
    // Only the one-indicator request has a newer edition.
    const checks = await checkUpdates(client, lib());
    const of93356 = checks.filter((c) => c.indicatorId === '93356').map((c) => [c.request.indicatorIds.join(','), c.status, c.libraryLatestPeriod, c.fingertipsLatestPeriod]);
    expect(of93356).toEqual([
      ['93356,99001', 'unchanged', '2017', '2017'],
      ['93356', 'newer-period', '2017', '2018'],
    ]);
    expect(updateRequests(checks)).toEqual([alone]);
  });

  it('a fetch whose answer the library already has (the same file imported from disk) is still checked for updates', async () => {
    await importToPath(lib(), [join(FIXTURES, 'data', '93356-402-6.csv')], { createFolder: true });
    const fetched = await fetchToLibrary(client, lib(), [REQ], { areaTypeNames: NAMES });
    expect(fetched.unchangedFiles).toHaveLength(1);
    expect((await checkUpdates(client, lib())).map((c) => [c.indicatorId, c.status])).toEqual([['93356', 'unchanged']]);
    server.serveNewer();
    const checks = await checkUpdates(client, lib());
    expect(checks).toEqual([expect.objectContaining({ indicatorId: '93356', status: 'newer-period', libraryLatestPeriod: '2017', fingertipsLatestPeriod: '2018', newValues: 3 })]);
  });

  it('check for updates asks several requests at once and lists them in order; a failed one is named', async () => {
    const BOTH = { indicatorIds: [93356, 99001], areaTypeId: 402, parentAreaTypeId: 6 };
    await fetchToLibrary(client, lib(), [BOTH], { createFolder: true });
    // 93356's newest vintage then comes from its own request, 99001's from the two-indicator one.
    server.serveNewer();
    await fetchToLibrary(client, lib(), [REQ]);
    const before = sha256(lib());
    server.requests.length = 0;
    const progress: string[] = [];
    const checks = await checkUpdates(client, lib(), { onProgress: (p) => progress.push(p.label) });
    // Each request is asked again, in the order they were first fetched: 93356 for both of its own.
    expect(checks.map((c) => [c.indicatorId, c.source, c.status])).toEqual([
      ['93356', 'Fingertips API: indicators 93356,99001, area type 402, parent area type 6', 'unchanged'],
      ['99001', 'Fingertips API: indicators 93356,99001, area type 402, parent area type 6', 'unchanged'],
      ['93356', 'Fingertips API: indicator 93356, area type 402, parent area type 6', 'unchanged'],
    ]);
    expect(server.requests.filter((r) => r.startsWith('/api/all_data'))).toHaveLength(2);
    expect(progress).toEqual(['Asking Fingertips', expect.stringMatching(/^Comparing with your library: indicators 93356,99001/), expect.stringMatching(/^Comparing with your library: indicator 93356/)]);
    server.fault('/api/all_data', { status: 500 });
    await expect(checkUpdates(client, lib())).rejects.toThrow(/^Fingertips could not be reached; your library is unchanged\. http:\/\/127\.0\.0\.1:\d+\/api\/all_data\/csv\/by_indicator_id\?indicator_ids=93356/);
    expect(sha256(lib())).toBe(before);
  });

  it('a request Fingertips answers without data, or with a file the importer rejects, is listed as not checked; the others still are', async () => {
    const alone = { indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 };
    const withAnother = { indicatorIds: [93356, 99001], areaTypeId: 402, parentAreaTypeId: 6 };
    await fetchToLibrary(client, lib(), [withAnother], { areaTypeNames: NAMES, createFolder: true });
    await fetchToLibrary(client, lib(), [alone], { areaTypeNames: NAMES });
    server.serveNewer();
    const before = sha256(lib());
    const both = '/api/all_data/csv/by_indicator_id?indicator_ids=93356,99001&';
    const statuses = (checks: Awaited<ReturnType<typeof checkUpdates>>) => checks.map((c) => [c.request.indicatorIds.join(','), c.indicatorId, c.status]);
    const expected = [
      ['93356,99001', '93356', 'not-checked'],
      ['93356,99001', '99001', 'not-checked'],
      ['93356', '93356', 'newer-period'],
    ];
    // No data for the two-indicator request (as for an area type Fingertips stopped publishing), twice.
    server.fault(both, { status: 404 });
    for (let i = 0; i < 2; i++) {
      const checks = await checkUpdates(client, lib());
      expect(statuses(checks)).toEqual(expected);
      expect(checks[0]!.problem).toMatch(/^Fingertips was reached but did not give what was asked for: the service answered 404/);
      expect(checks[0]).toMatchObject({ libraryLatestPeriod: '2017', fingertipsLatestPeriod: null });
      // Update fetches only what was checked and found newer.
      expect(updateRequests(checks)).toEqual([alone]);
    }
    // An answer the importer rejects: named with its line, the rest still checked.
    server.clearFaults();
    const header = 'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal';
    server.fault(both, { body: `${header}\n93356,Campylobacter,,,E92000001,England,Country,Persons,All ages,,,2018,lots,,,,,,,,,,,20180000,,\n` });
    const checks = await checkUpdates(client, lib());
    expect(statuses(checks)).toEqual(expected);
    expect(checks[1]!.problem).toMatch(/^Fingertips API: indicators 93356,99001, area type 402, parent area type 6 \([^)]*\(4-21-3-23\)\):2: column "Value": "lots" is not a number/);
    // An answer without one indicator's rows says nothing of it: not checked, not "unchanged".
    server.clearFaults();
    server.fault(both, { body: readFileSync(join(FIXTURES, 'data', '93356-402-6.csv')) });
    const partial = await checkUpdates(client, lib());
    expect(statuses(partial)).toEqual([
      ['93356,99001', '93356', 'unchanged'],
      ['93356,99001', '99001', 'not-checked'],
      ['93356', '93356', 'newer-period'],
    ]);
    expect(partial[1]!.problem).toBe("Fingertips' answer has no rows for indicator 99001.");
    // No request answered with data (a wrong address answering 404): an error, not a list of "not checked".
    server.clearFaults();
    server.fault('/api/all_data', { status: 404 });
    await expect(checkUpdates(client, lib())).rejects.toThrow(/^Fingertips answered none of the 2 requests with data; your library is unchanged\. Fingertips API: indicators 93356,99001, .*: Fingertips was reached but/);
    expect(sha256(lib())).toBe(before);
  });

  it('check for updates finds a changed value in a period the library has (a revision), and says how many', async () => {
    await fetchToLibrary(client, lib(), [REQ], { createFolder: true });
    const revised = readFileSync(join(FIXTURES, 'data', '93356-402-6.csv'), 'latin1').replace(
      'E06000016,Leicester,County & UA,Persons,All ages,,,2017,49.6636935434328,',
      'E06000016,Leicester,County & UA,Persons,All ages,,,2017,50.1,',
    );
    server.fault('/api/all_data', { body: Buffer.from(revised, 'latin1') });
    expect(await checkUpdates(client, lib())).toEqual([
      expect.objectContaining({ indicatorId: '93356', status: 'changed-values', libraryLatestPeriod: '2017', fingertipsLatestPeriod: '2017', newValues: 0, changedValues: 1 }),
    ]);
  });
});
