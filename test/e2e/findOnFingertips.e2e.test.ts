import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDetail } from '../../shared/api/library';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { FIXTURES, type ReplayServer, startFingertipsReplay } from '../helpers/fingertipsReplay';
import { axeViolations, type BrowserMode, startBrowserMode } from './harness';

describe('E2E: Find on Fingertips and Check for updates (replay server)', () => {
  let app: BrowserMode;
  let server: ReplayServer;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-fingertips-'));
  const projectPath = join(dir, 'fingertips.jsna');

  beforeAll(async () => {
    server = await startFingertipsReplay();
    const p = createProject(projectPath, 'Fingertips test');
    p.setMeta('library_path', join(dir, 'library.jsnalib'));
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
    // The project's setting points the app at the replay server (the only difference from the real service).
    await dispatch('fingertips.setAddress', { url: server.url }, { session: app.session });
  });
  afterAll(async () => {
    if (process.env.E2E_DEBUG) await app?.page.screenshot({ path: '/tmp/e2e-fingertips.png', fullPage: true });
    await app?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches "campylobacter", picks an area type, fetches, charts it; a newer period is found, updated and badged', { timeout: 90_000 }, async () => {
    const { page } = app;
    await page.getByLabel('New chapter').fill('Infections');
    await page.getByRole('button', { name: 'Add chapter' }).click();
    const editor = page.getByRole('textbox', { name: 'Infections text' });
    await editor.click();
    await page.keyboard.type('Campylobacter in Leicester.');
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Indicators' }).click();
    await page.getByRole('button', { name: 'Find on Fingertips…' }).click();
    const panel = page.getByRole('region', { name: 'Find on Fingertips' });
    await panel.getByLabel('Search Fingertips').fill('campylobacter');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await panel.getByText('Indicators found: 2 (tick those to fetch)').waitFor();
    await panel.getByLabel('Campylobacter incidence rate/100,000 (93356)').check();

    // Only the area types the indicator has (available_data): lower tier (501) is not offered.
    const areaType = panel.getByLabel('Area type', { exact: true });
    await expect.poll(async () => (await areaType.locator('option').allInnerTexts()).length).toBe(5);
    const offered = await areaType.locator('option').allInnerTexts();
    expect(offered).not.toContain('Lower tier local authorities (post 4/23)');
    await areaType.selectOption('402');
    await panel.getByLabel('Parent area type').selectOption('6');
    await expect.poll(() => panel.locator('.ft-plan').innerText()).toMatch(/^Will fetch every period, sex, age and category of 1 indicator for the 152 areas of Upper tier local authorities \(4\/21-3\/23\), with their Regions \(statistical\) and England/);

    expect(await axeViolations(page)).toEqual([]);
    server.trickle(16 * 1024, 30);
    await panel.getByRole('button', { name: 'Fetch from Fingertips' }).click();
    await panel.getByRole('button', { name: 'Cancel' }).waitFor();
    await panel.getByText('Imported 852 values of 1 indicator for 162 areas. Metadata set for 1 indicator.').waitFor({ timeout: 30_000 });
    server.trickle(0, 0);
    await panel.getByRole('button', { name: 'Close' }).first().click();

    await page.getByLabel('Search by name or ID').fill('93356');
    await page.getByLabel('Area', { exact: true }).selectOption('E06000016');
    await page.getByRole('button', { name: /Campylobacter incidence rate/ }).click();
    await expect.poll(() => page.locator('.indicator-detail').innerText()).toMatch(/Fingertips API: indicator 93356, area type 402, parent area type 6/);
    expect(await page.locator('.indicator-detail').innerText()).toContain('Rate of laboratory confirmed reports of Campylobacter per 100,000 population');
    await page.getByRole('button', { name: 'Insert chart into chapter' }).click();
    const figure = page.locator('figure[data-type="chart"]');
    await expect.poll(() => figure.getAttribute('data-chart-state')).toBe('drawn');
    expect(await figure.locator('svg').first().textContent()).toContain('2017');
    expect(await figure.getByText('Newer data since last reviewed').count()).toBe(0);
    await page.locator('[data-state="saved"]').waitFor();

    // Fingertips publishes a newer period: only the user's check finds it; Update brings it in.
    server.serveNewer();
    await page.getByRole('button', { name: 'Find on Fingertips…' }).click();
    await panel.getByRole('button', { name: 'Check for updates' }).click();
    const updates = panel.getByRole('region', { name: 'Updates from Fingertips' });
    await updates.getByText('1 of 1 indicator has newer data on Fingertips.').waitFor();
    expect(await updates.locator('.ft-updates').innerText()).toBe('Campylobacter incidence rate/100,000 (93356): newer period on Fingertips: 2018 (the library has up to 2017)');
    expect(await figure.getByText('Newer data since last reviewed').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await updates.getByRole('button', { name: 'Update', exact: true }).click();
    // 3 values were new; the other 852 were there already, and the message says so.
    await updates.getByText(/^Read 855 values of 1 indicator for 162 areas: 3 new, 852 as before\./).waitFor();
    await figure.getByText('Newer data since last reviewed').waitFor();
    await expect.poll(async () => (await figure.locator('svg').first().textContent()) ?? '').toContain('2018');

    const detail = (await dispatch('library.indicator', { id: '93356' }, { session: app.session })) as IndicatorDetail;
    expect(detail.vintages).toHaveLength(2);
    expect(app.consoleErrors).toEqual([]);
  });

  it('browses profile → domain and fetches the whole domain (two indicators) as one import', { timeout: 60_000 }, async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Find on Fingertips' });
    if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Find on Fingertips…' }).click();
    await panel.getByRole('button', { name: 'Browse profiles…' }).click();
    await panel.getByLabel('Profile').selectOption({ label: 'Health Protection' });
    await panel.getByLabel('Domain').selectOption({ label: 'Gastrointestinal infections' });
    await panel.getByText('Indicators found: 2 (tick those to fetch)').waitFor();
    expect(await panel.locator('.ft-results input:checked').count()).toBe(2);
    const areaType = panel.getByLabel('Area type', { exact: true });
    await expect.poll(async () => areaType.locator('option').allInnerTexts()).toContain('Upper tier local authorities (4/21-3/23) (2 of 2 indicators)');
    await areaType.selectOption('402');
    await expect.poll(() => panel.locator('.ft-plan').innerText()).toMatch(/of 2 indicators for the 152 areas/);
    await panel.getByRole('button', { name: 'Fetch from Fingertips' }).click();
    await panel.getByText('Read 1,704 values of 2 indicators for 162 areas: 852 new, 852 as before. Metadata set for 2 indicators.').waitFor({ timeout: 30_000 });
    expect(app.consoleErrors).toEqual([]);
  });

  it('a request Fingertips no longer answers is listed as not checked, the others are still checked, and nothing unchecked is offered to update', { timeout: 60_000 }, async () => {
    const { page } = app;
    const updates = page.getByRole('region', { name: 'Updates from Fingertips' });
    if (!(await updates.isVisible())) await page.getByRole('button', { name: 'Find on Fingertips…' }).click();
    // The two-indicator request of the test before: gone from Fingertips (404), every time it is asked.
    server.fault('/api/all_data/csv/by_indicator_id?indicator_ids=93356,99001&', { status: 404 });
    try {
      for (let i = 0; i < 2; i++) {
        await updates.getByRole('button', { name: 'Check for updates' }).click();
        // The one-indicator request (updated in the first test) was checked: nothing newer there.
        await updates.getByText('No newer data on Fingertips for the requests that could be checked. 1 request could not be checked: see below.').waitFor();
        expect(await updates.getByRole('button', { name: 'Update', exact: true }).count()).toBe(0);
        await expect.poll(() => updates.locator('.ft-updates li').allInnerTexts()).toEqual(
          expect.arrayContaining([expect.stringMatching(/^Campylobacter.*\(93356\): could not be checked for area type 402 \(parent area type 6\): Fingertips was reached but did not give what was asked for/)]),
        );
        expect(await updates.getByRole('alert').count()).toBe(0);
      }
    } finally {
      server.clearFaults();
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('values Fingertips no longer publishes are counted and named, said to stay in the library, and nothing is offered to update', { timeout: 60_000 }, async () => {
    const { page } = app;
    const updates = page.getByRole('region', { name: 'Updates from Fingertips' });
    if (!(await updates.isVisible())) await page.getByRole('button', { name: 'Find on Fingertips…' }).click();
    // The one-indicator request's newer answer without Leicester (its 2018 value included): 6 values withdrawn.
    const newer = readFileSync(join(FIXTURES, 'data', '93356-402-6.newer.csv'), 'latin1');
    const withoutLeicester = newer.split(/\r\n(?=93356,)/).filter((r) => !r.includes(',E06000016,')).join('\r\n') + '\r\n';
    server.fault('/api/all_data/csv/by_indicator_id?indicator_ids=93356&', { body: Buffer.from(withoutLeicester, 'latin1') });
    try {
      await updates.getByRole('button', { name: 'Check for updates' }).click();
      await expect
        .poll(() => updates.getByRole('status').first().innerText(), { timeout: 20_000 })
        .toBe('No newer data on Fingertips. 1 of 2 indicators have values in your library that Fingertips no longer publishes: see below. They stay in your library (Update deletes nothing).');
      // In the order first fetched. The two-indicator request's answer lacks the 2018 values too, but
      // they are the one-indicator request's: not counted there.
      expect(await updates.locator('.ft-updates li').allInnerTexts()).toEqual([
        'Campylobacter incidence rate/100,000 (93356): no longer on Fingertips: 6 values your library has from this request (Leicester (E06000016) 2015, 0-9 yrs; Leicester (E06000016) 2015; Leicester (E06000016) 2016, 0-9 yrs; Leicester (E06000016) 2016; Leicester (E06000016) 2017; …); they stay in your library',
        'Campylobacter incidence rate/100,000 (93356): up to date',
        'Test copy of campylobacter incidence (replay fixture, not a real indicator) (99001): up to date',
      ]);
      expect(await updates.getByRole('button', { name: 'Update', exact: true }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      server.clearFaults();
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
