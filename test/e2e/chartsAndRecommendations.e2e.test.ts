import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChapter, listChapters } from '../../electron/services/documents/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { type BrowserMode, startBrowserMode } from './harness';

const fingertips = join(__dirname, '..', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');

describe('E2E: a live chart and a partner-tagged recommendation', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-charts-'));
  const projectPath = join(dir, 'charts.jsna');
  const libraryPath = join(dir, 'library.jsnalib');

  beforeAll(async () => {
    const p = createProject(projectPath, 'Chart test');
    p.setMeta('library_path', libraryPath);
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
    await dispatch('library.import', { paths: [fingertips] }, { session: app.session });
  });
  afterAll(async () => {
    if (process.env.E2E_DEBUG) {
      await app?.page.screenshot({ path: '/tmp/e2e-debug.png', fullPage: true });
      console.log('CONSOLE', app?.consoleErrors);
    }
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inserts a trend chart from the indicator browser, redraws it on newer data, and keeps a recommendation with two partners', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByLabel('New chapter').fill('Infections');
    await page.getByRole('button', { name: 'Add chapter' }).click();
    const editor = page.getByRole('textbox', { name: 'Infections text' });
    await editor.click();
    await page.keyboard.type('Campylobacter is the commonest cause of food poisoning.');
    await page.keyboard.press('Enter');

    // Indicator browser: search, pick an area, see metadata, insert.
    await page.getByRole('button', { name: 'Indicators' }).click();
    await page.getByLabel('Search by name or ID').fill('campylobacter');
    await page.getByLabel('Area', { exact: true }).selectOption('E06000016');
    await page.getByRole('button', { name: /Campylobacter incidence rate/ }).click();
    await page.getByText('Data vintage').waitFor();
    await expect.poll(() => page.locator('.indicator-detail').innerText()).toMatch(/campylobacter-93356-county-ua-2015-17\.csv, imported/);
    await page.getByRole('button', { name: 'Insert chart into chapter' }).click();

    const figure = page.locator('figure[data-type="chart"]');
    await figure.locator('svg').first().waitFor();
    await expect.poll(() => figure.getAttribute('data-chart-state')).toBe('drawn');
    const svgText = await figure.locator('svg').first().textContent();
    expect(svgText).toContain('2015');
    expect(svgText).toContain('2017');
    expect(await figure.locator('.chart-summary').innerText()).toMatch(/In 2017, the rate in Leicester was 49\.7 per 100,000 \(95% CI 42\.5 to 57\.6\), significantly better than England/);
    expect(await figure.locator('.chart-source').innerText()).toMatch(/^Source: .*data imported \d{4}-\d{2}-\d{2}/);
    expect(await figure.getByText('Newer data since last reviewed').count()).toBe(0);

    // A recommendation owned by two partners, through the owners picker.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/rec');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Improve food hygiene inspections in takeaways.');
    await page.locator('.recommendation').getByText('Needs an owner').waitFor();
    await page.locator('.recommendation').getByRole('button', { name: 'Owners…' }).click();
    await page.getByLabel('Add a partner').fill('la');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('Add a partner').fill('UKHSA');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('“UKHSA” is not in this project’s partner directory.').waitFor();
    await page.getByLabel('Full name for UKHSA').fill('UK Health Security Agency');
    await page.getByRole('button', { name: 'Add UKHSA to the directory' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('.recommendation .tag').getByText('[LA/UKHSA]').waitFor();
    await page.locator('[data-state="saved"]').waitFor();

    // Newer data arrives for the charted indicator: the chart redraws and says so.
    const newer = join(dir, 'campylobacter-newer.csv');
    const text = readFileSync(fingertips, 'latin1').replace(
      /(E06000016,Leicester,County & UA,Persons,All ages,,,2017,)49\.6636935434328,42\.5386754731007,57\.6407277083881/,
      '$161.25,53.1,70.2',
    );
    expect(text).toContain('61.25');
    writeFileSync(newer, text, 'latin1');
    await dispatch('library.import', { paths: [newer] }, { session: app.session });
    await figure.getByText('Newer data since last reviewed').waitFor();
    await expect.poll(() => figure.locator('.chart-summary').innerText()).toMatch(/In 2017, the rate in Leicester was 61\.3 per 100,000/);

    await page.reload();
    await page.getByRole('button', { name: 'Infections', exact: true }).click();
    const again = page.locator('figure[data-type="chart"]');
    await again.getByText('Newer data since last reviewed').waitFor();
    await page.locator('.recommendation .tag').getByText('[LA/UKHSA]').waitFor();
    await again.getByRole('button', { name: 'Mark reviewed' }).click();
    await expect.poll(() => again.getByText('Newer data since last reviewed').count()).toBe(0);
    await page.locator('[data-state="saved"]').waitFor();

    // The settings panel beside the chart: a narrower period range redraws it at once.
    await again.getByRole('button', { name: 'Chart settings…' }).click();
    await again.getByLabel('From', { exact: true }).selectOption({ label: '2016' });
    await expect.poll(async () => (await again.locator('svg').first().textContent()) ?? '').not.toContain('2015');
    expect(await again.locator('svg').first().textContent()).toContain('2017');
    await again.getByLabel('Headline title').fill('Campylobacter in Leicester since 2016');
    await expect.poll(async () => (await again.locator('svg').first().textContent()) ?? '').toContain('Campylobacter in Leicester since 2016');
    await again.getByRole('button', { name: 'Close settings' }).click();
    await page.locator('[data-state="saved"]').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('stored references, not copies of the data, and the partners in the file', () => {
    const p = openProject(projectPath, { readOnly: true });
    try {
      const chapter = listChapters(p).find((c) => c.title === 'Infections')!;
      const doc = getChapter(p, chapter.id).doc;
      const chart = doc.content!.find((n) => n.type === 'chart')!;
      expect(chart.attrs).toMatchObject({ kind: 'trend', indicatorId: '93356', areaCode: 'E06000016', periodFrom: 20160000, title: 'Campylobacter in Leicester since 2016' });
      expect(JSON.stringify(chart)).not.toContain('51.66');
      const rec = doc.content!.find((n) => n.type === 'recommendation')!;
      expect(rec.attrs?.partners).toEqual(['LA', 'UKHSA']);
      expect(p.db.prepare("SELECT name FROM partners WHERE code = 'UKHSA'").pluck().get()).toBe('UK Health Security Agency');
    } finally {
      p.close();
    }
  });
});
