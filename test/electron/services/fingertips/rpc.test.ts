import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../shared/api/events';
import { dispatch } from '../../../../electron/services/rpc/dispatch';
import { Session } from '../../../../electron/services/rpc/session';
import { sha256 } from '../../../helpers/files';
import { type ReplayServer, startFingertipsReplay } from '../../../helpers/fingertipsReplay';
import { useTempDir } from '../../../helpers/tmp';

describe('fingertips.* over the RPC contract', () => {
  const tmp = useTempDir();
  let server: ReplayServer;
  let session: Session;
  beforeAll(async () => {
    server = await startFingertipsReplay();
  });
  afterAll(() => server.close());
  afterEach(() => {
    session.close();
    server.trickle(0, 0);
  });

  async function open(): Promise<string> {
    session = new Session();
    await dispatch('project.create', { path: join(tmp(), 'p.jsna'), title: 'Leicester JSNA' }, { session });
    const libraryPath = join(tmp(), 'library.jsnalib');
    await dispatch('project.setLibraryPath', { path: libraryPath }, { session });
    return libraryPath;
  }

  it('keeps the address as a project setting; refuses what is not a plain http(s) address, keeping the setting', async () => {
    await open();
    expect(await dispatch('fingertips.address', {}, { session })).toEqual({ url: 'https://fingertips.phe.org.uk/api', from: 'default' });
    expect(await dispatch('fingertips.setAddress', { url: `${server.url}/` }, { session })).toEqual({ url: server.url, from: 'project' });
    await expect(dispatch('fingertips.setAddress', { url: 'file:///etc/passwd' }, { session })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(((await dispatch('fingertips.address', {}, { session })) as { url: string }).url).toBe(server.url);
    expect(await dispatch('fingertips.setAddress', { url: null }, { session })).toEqual({ url: 'https://fingertips.phe.org.uk/api', from: 'default' });
  });

  it('checks every input with zod', async () => {
    await open();
    await expect(dispatch('fingertips.fetch', { requests: [{ indicatorIds: ['93356; DROP'], areaTypeId: 402, parentAreaTypeId: 6 }] }, { session })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(dispatch('fingertips.fetch', { requests: [{ indicatorIds: [], areaTypeId: 402, parentAreaTypeId: 6 }] }, { session })).rejects.toThrow(/choose at least one indicator/);
    await expect(dispatch('fingertips.search', { words: '   ' }, { session })).rejects.toThrow(/type a word to search for/);
    await expect(dispatch('fingertips.areaTypes', { indicatorIds: [1.5] }, { session })).rejects.toThrow(/whole number/);
  });

  it('fetches with progress and a library-changed event; fingertips.cancel stops a fetch with the library unchanged', async () => {
    const libraryPath = await open();
    await dispatch('fingertips.setAddress', { url: server.url }, { session });
    const events: AppEvent[] = [];
    session.onEvent((e) => events.push(e));
    const request = { indicatorIds: [93356], areaTypeId: 402, parentAreaTypeId: 6 };
    const summary = await dispatch('fingertips.fetch', { requests: [request] }, { session, jobId: 'ft-1' });
    expect(summary).toMatchObject({ rows: 852, metadataIndicators: 1 });
    expect(events.some((e) => e.type === 'progress' && e.jobId === 'ft-1' && e.label.startsWith('Downloading from Fingertips'))).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'library-changed' });

    const before = sha256(libraryPath);
    server.serveNewer();
    server.trickle(4 * 1024, 20);
    const run = dispatch('fingertips.fetch', { requests: [request] }, { session, jobId: 'ft-2' });
    await new Promise((r) => setTimeout(r, 100));
    expect(await dispatch('fingertips.cancel', { jobId: 'ft-2' }, { session })).toEqual({ cancelled: true });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(sha256(libraryPath)).toBe(before);
    server.serveNewer(false);
  });
});
