import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaInfo } from '../../shared/api/library';
import { addChapter } from '../../electron/services/documents/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { type BrowserMode, startBrowserMode } from './harness';

const fingertips = join(__dirname, '..', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');

/** Two more indicators (tidy), for Leicester only: 3 indicators in all. */
const TIDY = [
  'indicator_id,indicator_name,area_code,area_name,period,value,unit',
  ...['2019', '2020', '2021'].flatMap((p, i) => [
    `T1,School readiness (illustrative),E06000016,Leicester,${p},${60 + i},%`,
    `T2,Hospital admissions for asthma in under 19s (illustrative),E06000016,Leicester,${p},${200 + i},per 100000`,
  ]),
].join('\n');

/** True when the button is on screen as it is, unscrolled, and nothing covers its middle. */
async function reachableWithoutScrolling(page: Page, button: Locator): Promise<boolean> {
  return button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === el || el.contains(hit);
  });
}

describe('E2E: the Indicators panel fits the screen, explains the import columns, and searches areas too', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-panel-'));
  const projectPath = join(dir, 'panel.jsna');
  let areaCount = 0;

  beforeAll(async () => {
    const p = createProject(projectPath, 'Panel test');
    p.setMeta('library_path', join(dir, 'library.jsnalib'));
    addChapter(p, 'Infections');
    p.close();
    const tidy = join(dir, 'tidy.csv');
    writeFileSync(tidy, TIDY);
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
    await dispatch('library.import', { paths: [fingertips, tidy] }, { session: app.session });
    areaCount = ((await dispatch('library.areas', { limit: 50_000 }, { session: app.session })) as AreaInfo[]).length;
    // A laptop screen.
    await app.page.setViewportSize({ width: 1366, height: 700 });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps "Insert chart into chapter" on screen without scrolling, for each indicator chosen in turn', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByRole('textbox', { name: 'Infections text' }).waitFor();
    await page.getByRole('button', { name: 'Indicators' }).click();
    const insert = page.getByRole('button', { name: 'Insert chart into chapter' });
    for (const [id, name] of [
      ['93356', /Campylobacter incidence rate/],
      ['T1', /School readiness/],
      ['T2', /Hospital admissions for asthma/],
    ] as const) {
      await page.getByRole('button', { name }).click();
      await page.getByText('Data vintage').waitFor();
      await expect.poll(() => page.locator('.indicator-detail h3').innerText()).toMatch(name);
      await expect.poll(() => insert.isEnabled()).toBe(true);
      expect(await reachableWithoutScrolling(page, insert), `insert button for ${id}`).toBe(true);
      expect(await page.locator('#ib-insert-what').innerText()).toMatch(name);
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it("finds areas by name and code, says what it searched, and picks the area found", { timeout: 60_000 }, async () => {
    const { page } = app;
    const search = page.getByLabel('Search by name or ID');
    const status = page.locator('.indicator-browser [role="status"]').first();
    const areasFound = page.getByRole('list', { name: 'Areas found' });

    await search.fill('leic');
    await expect.poll(() => status.innerText()).toBe(`Searched 3 indicators and ${areaCount} areas for 'leic': 0 indicators, 2 areas.`);
    expect(await areasFound.getByRole('button').allInnerTexts()).toEqual(['Area: Leicester (E06000016)', 'Area: Leicestershire (E10000018)']);
    await areasFound.getByRole('button', { name: 'Area: Leicester (E06000016)' }).click();
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).toBe('E06000016');
    expect(await search.inputValue()).toBe('');
    await expect.poll(() => status.innerText()).toBe('3 indicators with data for Leicester');

    // Again, by code, now searching only Leicester's indicators.
    await search.fill('E10000018');
    await expect.poll(() => status.innerText()).toBe(`Searched 3 indicators with data for Leicester and ${areaCount} areas for 'E10000018': 0 indicators, 1 area.`);
    await areasFound.getByRole('button', { name: 'Area: Leicestershire (E10000018)' }).click();
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).toBe('E10000018');
    await expect.poll(() => status.innerText()).toBe('1 indicator with data for Leicestershire');

    // A third time: words that find an indicator and no area.
    await search.fill('campylobacter');
    await expect.poll(() => status.innerText()).toBe(`Searched 1 indicator with data for Leicestershire and ${areaCount} areas for 'campylobacter': 1 indicator, 0 areas.`);
    expect(await areasFound.count()).toBe(0);
    await page.getByLabel('Area', { exact: true }).selectOption('');
    await search.fill('');
    expect(app.consoleErrors).toEqual([]);
  });

  it('names a binary, zipped or UTF-16 file without a line number (the whole file is wrong), each time', { timeout: 60_000 }, async () => {
    const { page } = app;
    const files = [
      ['chart.png.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x0d, 0x0a, 0, 0, 0, 0x0d]), 'this is a binary file, not text (it contains NUL bytes).'],
      ['book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), /^this is not a text file but a zipped file/],
      ['unicode.csv', Buffer.from('\ufeffindicator_id,value\r\n', 'utf16le'), /^the file is UTF-16 text/],
    ] as const;
    await page.getByRole('button', { name: 'Import data…' }).click();
    const form = page.getByRole('form', { name: 'Import indicator data' });
    for (const [name, bytes, what] of files) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      await form.getByLabel('Or their full paths, one a line').fill(path);
      await form.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => form.getByRole('alert').innerText()).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      const message = await form.getByRole('alert').innerText();
      expect(message.slice(path.length + 2)).toMatch(what);
      expect(message).not.toMatch(/:\d+: /);
    }
    await form.getByRole('button', { name: 'Close' }).click();
    expect(app.consoleErrors).toEqual([]);
  });

  it('explains the import columns in place (no "see the README"), each time the form opens', { timeout: 60_000 }, async () => {
    const { page } = app;
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Import data…' }).click();
      const form = page.getByRole('form', { name: 'Import indicator data' });
      expect(await form.innerText()).not.toMatch(/README/);
      await form.getByText('Which columns the files need').click();
      const table = form.getByRole('table', { name: 'Tidy CSV columns' });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(6);
      expect(await table.innerText()).toContain('indicator_id, indicator_name, area_code, area_name, period, value');
      expect(await form.innerText()).toMatch(/Metadata CSV.*polarity \(high-is-good, low-is-good, no-judgement\)/s);
      await form.getByRole('button', { name: 'Close' }).click();
      await form.waitFor({ state: 'detached' });
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
