import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chapter, NodeJson } from '../../shared/api/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { type BrowserMode, startBrowserMode } from './harness';

const fingertips = join(__dirname, '..', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');

/** Inserts never overwrite: each goes after the selection (a chart, a recommendation, selected text). */
describe('E2E: inserting after the selection, never in place of it', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-insert-'));
  const projectPath = join(dir, 'insert.jsna');

  beforeAll(async () => {
    const p = createProject(projectPath, 'Insert test');
    p.setMeta('library_path', join(dir, 'library.jsnalib'));
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
    await dispatch('library.import', { paths: [fingertips] }, { session: app.session });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function savedDoc(title: string): Promise<NodeJson[]> {
    await app.page.locator('[data-state="saved"]').waitFor();
    const list = (await dispatch('chapters.list', {}, { session: app.session })) as { id: string; title: string }[];
    const id = list.find((c) => c.title === title)!.id;
    return ((await dispatch('chapters.get', { id }, { session: app.session })) as Chapter).doc.content ?? [];
  }
  async function insertFromBrowser(page: Page, areaCode: string) {
    const browser = page.getByRole('complementary', { name: 'Indicators' });
    await browser.getByLabel('Area', { exact: true }).selectOption(areaCode);
    await browser.getByRole('button', { name: 'Insert chart into chapter' }).click();
  }
  const summaries = (page: Page) => page.locator('figure[data-type="chart"] .chart-summary').allInnerTexts();

  it('three charts inserted in a row from the indicator browser are three charts, each with its own area and headline', { timeout: 90_000 }, async () => {
    const { page } = app;
    await page.getByLabel('New chapter').fill('Three charts');
    await page.getByRole('button', { name: 'Add chapter' }).click();
    const editor = page.getByRole('textbox', { name: 'Three charts text' });
    await editor.click();
    await page.keyboard.type('Campylobacter across areas.');

    await page.getByRole('button', { name: 'Indicators' }).click();
    await page.getByLabel('Search by name or ID').fill('campylobacter');
    await page.getByRole('button', { name: /Campylobacter incidence rate/ }).click();
    await page.getByText('Data vintage').waitFor();
    const figures = page.locator('figure[data-type="chart"]');
    const areas = [
      ['E06000016', 'Leicester'],
      ['E06000001', 'Hartlepool'],
      ['E06000002', 'Middlesbrough'],
    ] as const;
    for (const [i, [code, name]] of areas.entries()) {
      await insertFromBrowser(page, code);
      await expect.poll(() => figures.count()).toBe(i + 1);
      // The chart just inserted is selected, which is what made the next insert replace it.
      await expect.poll(() => figures.nth(i).getAttribute('class')).toContain('selected');
      await expect.poll(() => figures.nth(i).locator('.chart-summary').innerText()).toContain(`the rate in ${name}`);
      // Its own headline, set in its settings; it stays the selected node.
      await figures.nth(i).getByRole('button', { name: 'Chart settings…' }).click();
      await figures.nth(i).getByLabel('Headline title').fill(`Campylobacter in ${name}`);
      await figures.nth(i).getByRole('button', { name: 'Close settings' }).click();
      await expect.poll(() => figures.nth(i).locator('svg').first().textContent()).toContain(`Campylobacter in ${name}`);
      expect(await figures.nth(i).getAttribute('class')).toContain('selected');
    }
    expect((await summaries(page)).map((s) => /the rate in (\w+)/.exec(s)?.[1])).toEqual(['Leicester', 'Hartlepool', 'Middlesbrough']);
    expect(await editor.innerText()).toContain('Campylobacter across areas.');

    const charts = (await savedDoc('Three charts')).filter((n) => n.type === 'chart');
    expect(charts.map((c) => c.attrs?.areaCode)).toEqual(['E06000016', 'E06000001', 'E06000002']);
    expect(charts.map((c) => c.attrs?.title)).toEqual(['Campylobacter in Leicester', 'Campylobacter in Hartlepool', 'Campylobacter in Middlesbrough']);
    expect(new Set(charts.map((c) => c.attrs?.id)).size).toBe(3);
    expect(app.consoleErrors).toEqual([]);
  });

  it('the toolbar inserts after a selected chart: tables and charts, three times each', { timeout: 90_000 }, async () => {
    const { page } = app;
    const figures = page.locator('figure[data-type="chart"]');
    // The last chart from the browser is still selected.
    for (let i = 1; i <= 3; i++) {
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      // The author's tables, not the data tables drawn under each chart.
      await expect.poll(() => page.locator('.ProseMirror table:not(details.chart-table table)').count()).toBe(i);
      expect(await figures.count()).toBe(3);
      // Back onto the last chart: select it again by clicking its label (a pause, or ProseMirror counts a double click).
      await page.waitForTimeout(600);
      await figures.nth(2).locator('.chart-label').click();
      await expect.poll(() => figures.nth(2).getAttribute('class')).toContain('selected');
    }
    for (let i = 1; i <= 3; i++) {
      await page.getByRole('button', { name: 'Insert chart', exact: true }).click();
      await expect.poll(() => figures.count()).toBe(3 + i);
    }
    const doc = await savedDoc('Three charts');
    expect(doc.filter((n) => n.type === 'chart').map((c) => c.attrs?.areaCode)).toEqual(['E06000016', 'E06000001', 'E06000002', null, null, null]);
    expect(doc.filter((n) => n.type === 'table').length).toBe(3);
    expect(app.consoleErrors).toEqual([]);
  });

  it('with a recommendation selected, or text in it, a chart goes after the recommendation and its text stays', { timeout: 90_000 }, async () => {
    const { page } = app;
    await page.getByLabel('New chapter').fill('Recs');
    await page.getByRole('button', { name: 'Add chapter' }).click();
    const editor = page.getByRole('textbox', { name: 'Recs text' });
    await editor.click();
    await page.keyboard.type('/rec');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Expand school nursing.');
    const rec = editor.locator('.recommendation');
    await rec.waitFor();
    const figures = editor.locator('figure[data-type="chart"]');
    const areas = ['E06000016', 'E06000001', 'E06000002'];
    for (const [i, code] of areas.entries()) {
      await page.waitForTimeout(600);
      if (i === 1) {
        // The whole recommendation by triple click.
        await rec.locator('.recommendation-text').click({ clickCount: 3 });
        expect(await page.evaluate(() => window.getSelection()?.toString())).toContain('Expand school nursing.');
      } else {
        // Its text selected with the keyboard.
        await rec.locator('.recommendation-text').click();
        await page.keyboard.press('End');
        await page.keyboard.press('Shift+Home');
        expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Expand school nursing.');
      }
      await insertFromBrowser(page, code);
      await expect.poll(() => figures.count()).toBe(i + 1);
      expect(await rec.count()).toBe(1);
      expect(await rec.locator('.recommendation-text').innerText()).toBe('Expand school nursing.');
    }
    const doc = await savedDoc('Recs');
    // (The editor keeps an empty paragraph at the end to type into.)
    expect(doc.map((n) => n.type).filter((t) => t !== 'paragraph')).toEqual(['recommendation', 'chart', 'chart', 'chart']);
    expect(doc[0]).toMatchObject({ type: 'recommendation', content: [{ type: 'text', text: 'Expand school nursing.' }] });
    // Each insert goes straight after the recommendation: the newest first.
    expect(doc.filter((n) => n.type === 'chart').map((c) => c.attrs?.areaCode)).toEqual(['E06000002', 'E06000001', 'E06000016']);
    expect(app.consoleErrors).toEqual([]);
  });
});
