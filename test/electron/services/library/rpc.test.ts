import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../shared/api/events';
import { dispatch } from '../../../../electron/services/rpc/dispatch';
import { Session } from '../../../../electron/services/rpc/session';
import { useTempDir } from '../../../helpers/tmp';
import { fingertipsCsv, REAL_FILE, row, writeFile } from './helpers';

describe('library.* over the RPC contract', () => {
  const tmp = useTempDir();
  const session = new Session();
  afterEach(() => session.close());

  async function openProject(): Promise<string> {
    await dispatch('project.create', { path: join(tmp(), 'p.jsna'), title: 'Leicester JSNA' }, { session });
    const libraryPath = join(tmp(), 'data', 'library.jsnalib'); // its folder does not exist yet
    await dispatch('project.setLibraryPath', { path: libraryPath }, { session });
    return libraryPath;
  }

  it('needs a project', async () => {
    await expect(dispatch('library.info', {}, { session })).rejects.toMatchObject({ code: 'NO_PROJECT' });
  });

  it('imports with progress and a library-changed event, then lists, describes and queries', async () => {
    const libraryPath = await openProject();
    const events: AppEvent[] = [];
    session.onEvent((e) => events.push(e));
    expect(await dispatch('library.info', {}, { session })).toMatchObject({ path: libraryPath, indicators: 0, rows: 0, lastImportAt: null });

    const summary = await dispatch('library.import', { paths: [REAL_FILE] }, { session, jobId: 'job-1' });
    expect(summary).toMatchObject({ rows: 852, indicators: 1, areas: 162, unchangedFiles: [], metadataIndicators: 0 });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toEqual({ type: 'progress', jobId: 'job-1', label: 'Importing campylobacter-93356-county-ua-2015-17.csv', done: 200816, total: 200816 });
    expect(events.at(-1)).toEqual({ type: 'library-changed' });

    // The session's own connection sees the import.
    expect(await dispatch('library.info', {}, { session })).toMatchObject({ indicators: 1, areas: 162, rows: 852, vintages: 1, lastImportAt: expect.any(String) });
    expect(await dispatch('library.indicators', { search: 'campylobacter', areaCode: 'E06000016' }, { session })).toHaveLength(1);
    const detail = (await dispatch('library.indicator', { id: '93356', areaCode: 'E10000028' }, { session })) as { latest: { areaName: string } };
    expect(detail.latest.areaName).toBe('Staffordshire');
    expect(await dispatch('library.areas', { search: 'stoke', limit: 5 }, { session })).toEqual([
      { code: 'E06000021', name: 'Stoke-on-Trent', areaType: 'County & UA', parentCode: 'E12000005' },
    ]);
    const chart = (await dispatch('library.query', { indicatorId: '93356', areaCodes: ['E06000016', 'E06000021', 'E10000028'] }, { session })) as {
      series: { areaName: string; rows: { significance: string }[] }[];
    };
    expect(chart.series.map((s) => [s.areaName, s.rows.map((r) => r.significance)])).toEqual([
      ['Leicester', ['Better', 'Better', 'Better']],
      ['Stoke-on-Trent', ['Worse', 'Worse', 'Similar']], // as the file's own labels say
      ['Staffordshire', ['Worse', 'Worse', 'Worse']],
    ]);

    events.length = 0;
    const meta = await dispatch('library.updateIndicator', { id: '93356', polarity: 'high-is-good', definition: '  Lab reports  ' }, { session });
    expect(meta).toMatchObject({ polarity: 'high-is-good', polaritySource: 'author', definition: 'Lab reports' });
    expect(events).toEqual([{ type: 'library-changed' }]);
    const flipped = (await dispatch('library.query', { indicatorId: '93356', areaCodes: ['E06000016'] }, { session })) as { series: { rows: { significance: string }[] }[] };
    // The file's own label stays: the source is the authority, not our polarity.
    expect(flipped.series[0]!.rows[0]!.significance).toBe('Better');
  });

  it('validates inputs and reports file:line errors as BAD_INPUT', async () => {
    await openProject();
    await expect(dispatch('library.import', { paths: [] }, { session })).rejects.toThrow(/paths: choose at least one file to import/);
    await expect(dispatch('library.query', { indicatorId: '93356', areaCodes: [] }, { session })).rejects.toThrow(/areaCodes: choose at least one area/);
    await expect(dispatch('library.updateIndicator', { id: '1', multiplier: -1 }, { session })).rejects.toThrow(/multiplier: the multiplier must be greater than 0/);
    const bad = writeFile(tmp(), 'bad.csv', fingertipsCsv([row({ Value: 'n/a' })]));
    await expect(dispatch('library.import', { paths: [bad] }, { session })).rejects.toMatchObject({ code: 'BAD_INPUT', message: `${bad}:2: column "Value": "n/a" is not a number.` });
  });

  it('reopens the library when the project points elsewhere', async () => {
    await openProject();
    await dispatch('library.import', { paths: [REAL_FILE] }, { session });
    expect(await dispatch('library.info', {}, { session })).toMatchObject({ indicators: 1 });
    await dispatch('project.setLibraryPath', { path: join(tmp(), 'other.jsnalib') }, { session });
    expect(await dispatch('library.info', {}, { session })).toMatchObject({ indicators: 0 });
  });

  it('previews an import (nothing written, charts named), lists vintages and restores one', async () => {
    await openProject();
    const dir = join(__dirname, '../../../fixtures/fingertips/constructed');
    const east = join(dir, 'campylobacter-93356-east-midlands.csv');
    const revised = join(dir, 'campylobacter-93356-east-midlands-revised.csv');
    await dispatch('library.import', { paths: [east] }, { session });
    const chapter = (await dispatch('chapters.add', { title: 'Starting well' }, { session })) as { id: string };
    const doc = { type: 'doc', content: [{ type: 'chart', attrs: { kind: 'trend', indicatorId: '93356', indicatorIds: [], areaCode: 'E06000016', comparators: ['E92000001'] } }] };
    await dispatch('chapters.save', { id: chapter.id, doc, baseRevision: 1 }, { session });
    const events: AppEvent[] = [];
    session.onEvent((e) => events.push(e));
    const preview = await dispatch('library.previewImport', { paths: [revised] }, { session });
    expect(preview).toMatchObject({ added: 0, updated: 2, description: 'updates 2 values; 1 chart in 1 chapter change', affected: [{ title: 'Starting well', charts: [{ index: 0, areaCode: 'E06000016' }] }] });
    expect(events).toEqual([]);
    expect(await dispatch('library.vintages', { indicatorId: '93356' }, { session })).toHaveLength(1);
    await dispatch('library.import', { paths: [revised] }, { session });
    expect(((await dispatch('library.vintages', {}, { session })) as { id: number }[]).map((v) => v.id)).toEqual([2, 1]);
    const restored = await dispatch('library.restoreVintage', { vintageId: 1 }, { session });
    expect(restored).toMatchObject({ updated: 2, vintage: { id: 3, restoredFrom: 1 } });
    expect(events.at(-1)).toEqual({ type: 'library-changed' });
    await expect(dispatch('library.restoreVintage', { vintageId: 99 }, { session })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
