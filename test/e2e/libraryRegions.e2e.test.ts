import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartDataResponse } from '../../shared/api/charts';
import type { ChartData, VintageInfo } from '../../shared/api/library';
import { addChapter } from '../../electron/services/documents/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { axeViolations, type BrowserMode, startBrowserMode } from './harness';

/** Region-split downloads built from the real file's rows (test/fixtures/fingertips/constructed/SOURCE.txt). */
const DIR = join(__dirname, '..', 'fixtures', 'fingertips', 'constructed');
const EAST = join(DIR, 'campylobacter-93356-east-midlands.csv');
const WEST = join(DIR, 'campylobacter-93356-west-midlands.csv');
const EAST_REVISED = join(DIR, 'campylobacter-93356-east-midlands-revised.csv');
const LEICESTER = 'E06000016';

describe('E2E: importing a second region keeps the first (issue 10 item 2)', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-regions-'));
  const projectPath = join(dir, 'regions.jsna');
  const chart = { kind: 'trend' as const, indicatorId: '93356', indicatorIds: [], indicatorGroups: {}, areaCode: LEICESTER, comparators: ['E92000001'], sex: null, age: null, categoryType: null, category: null, periodFrom: null, periodTo: null, reviewedVintage: null };

  beforeAll(async () => {
    const p = createProject(projectPath, 'Regions test');
    p.setMeta('library_path', join(dir, 'library.jsnalib'));
    addChapter(p, 'Starting well', { type: 'doc', content: [{ type: 'chart', attrs: chart }, { type: 'paragraph' }] });
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const leicester = async () => ((await dispatch('library.query', { indicatorId: '93356', areaCodes: [LEICESTER] }, { session: app.session })) as ChartData).series[0]!.rows;

  it('East Midlands then West Midlands through the UI: Leicester still charts; a revision is previewed, confirmed and restorable', { timeout: 90_000 }, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Indicators' }).click();
    await page.getByRole('button', { name: 'Import data…' }).click();
    const form = page.getByRole('form', { name: 'Import indicator data' });
    const importFile = async (file: string) => {
      await form.getByLabel('CSV files to import').setInputFiles(file);
      await form.getByRole('button', { name: 'Import', exact: true }).click();
    };

    await importFile(EAST);
    await form.getByText(/^Imported 113 values of 1 indicator for \d+ areas\.$/).waitFor();
    const before = await leicester();
    expect(before).toHaveLength(3);

    // The second region adds its areas; England's rows are the same. Nothing a chart shows changes.
    await importFile(WEST);
    await form.getByText(/^Read 138 values of 1 indicator for \d+ areas: \d+ new, (\d+ changed, )?\d+ as before\./).waitFor();
    expect(await leicester()).toEqual(before);
    const data = (await dispatch('charts.data', { chart }, { session: app.session })) as ChartDataResponse;
    expect(data.ok).toBe(true);

    // A revised East Midlands file changes Leicester's chart: the form says so before writing.
    await importFile(EAST_REVISED);
    const confirm = form.getByRole('group', { name: 'Confirm import' });
    await expect.poll(() => confirm.getByRole('status').innerText()).toMatch(/^This import updates 2 values; 1 chart in 1 chapter change\./);
    expect(await confirm.innerText()).toContain('Starting well: 1 chart (93356 for E06000016)');
    expect((await leicester())[2]!.value).toBe(before[2]!.value); // not yet
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Import and update' }).click();
    await form.getByText(/2 earlier values were replaced/).waitFor();
    const revised = await leicester();
    expect(revised[2]!.value).toBeCloseTo(before[2]!.value! + 5, 3);
    expect(revised.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(((await dispatch('library.query', { indicatorId: '93356', areaCodes: ['E06000021'] }, { session: app.session })) as ChartData).series[0]!.rows).toHaveLength(3);

    // Restore the first vintage from the indicator's vintages list.
    await form.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('Search by name or ID').fill('93356');
    await page.getByRole('button', { name: /Campylobacter incidence rate/ }).click();
    const vintages = page.getByRole('region', { name: 'Vintages' });
    await vintages.getByRole('button', { name: /^Restore this vintage: campylobacter-93356-east-midlands\.csv/ }).click();
    expect(await axeViolations(page)).toEqual([]);
    await vintages.getByRole('button', { name: "Restore campylobacter-93356-east-midlands.csv's values" }).click();
    await vintages.getByText(/Restored the values of campylobacter-93356-east-midlands\.csv \(vintage 1\): 2 values changed\. To undo, restore vintage 3\./).waitFor();
    expect(await leicester()).toEqual(before);
    const list = (await dispatch('library.vintages', { indicatorId: '93356' }, { session: app.session })) as VintageInfo[];
    expect(list.map((v) => [v.id, v.restoredFrom])).toEqual([[4, 1], [3, null], [2, null], [1, null]]);
    expect(app.consoleErrors).toEqual([]);
  });
});
