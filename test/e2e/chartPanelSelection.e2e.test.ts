import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { type BrowserMode, startBrowserMode } from './harness';

const fingertips = join(__dirname, '..', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');

/** How many pixels of an element are painted in the browser's selection highlight (a strong blue). */
async function highlightedPixels(page: Page, element: Locator): Promise<number> {
  const png = (await element.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! < 110 && px[i + 1]! < 150 && px[i + 2]! > 170 && px[i + 2]! - px[i]! > 90) n++;
    return n;
  }, png);
}

describe('E2E: the chart settings panel is not shown as selected', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-panel-'));
  const projectPath = join(dir, 'panel.jsna');

  beforeAll(async () => {
    const p = createProject(projectPath, 'Panel test');
    p.setMeta('library_path', join(dir, 'library.jsnalib'));
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
    await dispatch('library.import', { paths: [fingertips] }, { session: app.session });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('while the chart is selected its controls show no selection highlight; text selected in a control still does', { timeout: 90_000 }, async () => {
    const { page } = app;
    await page.getByLabel('New chapter').fill('Panel');
    await page.getByRole('button', { name: 'Add chapter' }).click();
    await page.getByRole('textbox', { name: 'Panel text' }).click();
    await page.keyboard.type('A chart follows.');
    await page.getByRole('button', { name: 'Indicators' }).click();
    await page.getByLabel('Search by name or ID').fill('campylobacter');
    await page.getByRole('button', { name: /Campylobacter incidence rate/ }).click();
    await page.getByText('Data vintage').waitFor();
    await page.getByRole('button', { name: 'Insert chart into chapter' }).click();
    await page.getByRole('button', { name: 'Close indicators' }).click(); // room for the chart
    const figure = page.locator('figure[data-type="chart"]');
    await expect.poll(() => figure.getAttribute('data-chart-state')).toBe('drawn');
    await figure.getByRole('button', { name: 'Chart settings…' }).click();
    const panel = figure.getByRole('form', { name: 'Chart settings' });
    await panel.waitFor();

    const kinds = ['compare', 'trend', 'compare'];
    for (const kind of kinds) {
      // Clicking the chart selects it (the editor's node selection spans the figure and the panel).
      await page.waitForTimeout(600); // not a double click
      await figure.locator('.chart-source').click();
      await expect.poll(() => figure.getAttribute('class')).toContain('selected');
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);
      expect(await highlightedPixels(page, panel)).toBe(0);
      // The panel's own text is never part of a selection.
      expect(await panel.locator('label').first().evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');

      // A change in the panel keeps it unhighlighted too.
      await panel.getByLabel('Kind of chart').selectOption(kind);
      await expect.poll(() => highlightedPixels(page, panel)).toBe(0);

      // Text the author selects inside a control is still shown selected.
      const title = panel.getByLabel('Headline title');
      await title.fill(`Headline ${kind}`);
      await title.selectText();
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).selectionEnd)).toBeGreaterThan(0);
      expect(await highlightedPixels(page, title)).toBeGreaterThan(20);
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
