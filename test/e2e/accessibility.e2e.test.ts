import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../electron/services/project/project';
import { createSampleWorkspace } from '../../electron/services/sample/sampleWorkspace';
import { axeViolations, type BrowserMode, startBrowserMode } from './harness';

/**
 * The app itself, not only what it exports, is checked with axe-core in Chromium (WCAG 2.2 A/AA)
 * in each of its views and dialogs, on the sample workspace: analysts who use assistive technology
 * write JSNAs too. The register and its status dialog are checked in register.e2e.test.ts.
 */
describe('E2E: the app has no accessibility violations axe-core can find', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-a11y-'));

  beforeAll(async () => {
    const ws = await createSampleWorkspace(join(dir, 'ws'));
    app = await startBrowserMode((session) => session.setProject(openProject(ws.projectPath)));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the editor: a chapter of recommendations, a chapter of live charts, a chart’s settings panel and the "/" menu', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Measuring progress', exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Measuring progress text' });
    await editor.waitFor();
    await expect.poll(() => editor.locator('figure[data-type="chart"] svg').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    const figure = editor.locator('figure[data-type="chart"]').first();
    await figure.getByRole('button', { name: 'Chart settings…' }).click();
    await figure.getByLabel('Headline title').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await figure.getByRole('button', { name: 'Close settings' }).click();

    // The "/" menu at the start of an empty line.
    await editor.getByRole('heading').first().click();
    // Under load the click can land after the keys below: wait until the caret is in the heading.
    // …and that the editor, not the chart's settings button the panel was closed with, has the focus
    // (else Enter would press that button and reopen the panel).
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            Boolean(document.activeElement?.classList.contains('ProseMirror')) &&
            Boolean(window.getSelection()?.anchorNode?.parentElement?.closest('.ProseMirror h1, .ProseMirror h2, .ProseMirror h3')),
        ),
      )
      .toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    // Seen twice under heavy load (5 helpers on 2 cores) and never alone: the menu did not open on the
    // first "/". A second "/" after deleting the first is what a person would do; the menu must open then.
    const menu = page.getByRole('listbox', { name: 'Insert' });
    await menu.waitFor({ timeout: 5000 }).catch(async () => {
      await page.keyboard.press('Backspace');
      await page.keyboard.type('/');
      await menu.waitFor();
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.getByRole('listbox', { name: 'Insert' }).waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });

  it('the recommendation owners picker', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Chapters' }).getByRole('button', { name: 'Recommendations', exact: true }).first().click();
    const editor = page.getByRole('textbox', { name: 'Recommendations text' });
    await editor.waitFor();
    await editor.locator('.recommendation').first().getByRole('button', { name: 'Owners…' }).click();
    await page.getByRole('button', { name: 'Done' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('the indicator browser, an indicator’s page and its metadata form, and the import form', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Indicators' }).click();
    await page.getByRole('heading', { level: 2, name: 'Indicators', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Campylobacter incidence rate/ }).first().click();
    await page.getByRole('button', { name: 'Edit metadata' }).click();
    await page.getByRole('button', { name: 'Save metadata' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import data…' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the import-text dialog, the export dialog and the partner directory', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Write' }).click();
    await page.getByRole('button', { name: 'Import text…' }).click();
    await page.getByRole('heading', { name: 'Import text as a new chapter' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Import text as a new chapter' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('dialog', { name: 'Export this assessment' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Export this assessment' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Recommendations register' }).click();
    await page.getByRole('button', { name: 'Partner directory' }).click();
    await page.getByRole('heading', { name: /Partner directory/ }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
