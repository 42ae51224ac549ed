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

  it('the editor: a chapter of recommendations, a chapter of live charts, a chart’s settings panel and the "/" menu', { timeout: 90_000 }, async () => {
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

    // The "/" menu at the start of an empty line: click the heading, End, Enter, "/". Each step is
    // checked before the next (under load a click can land after the keys that follow it). Seen on
    // loaded machines and never alone: the menu did not open. A person would click and try again, so
    // the test does, up to three times, and fails saying where the keys went each time.
    const menu = page.getByRole('listbox', { name: 'Insert' });
    const tries: string[] = [];
    for (let attempt = 1; ; attempt++) {
      const step = async (what: string, ok: (c: Caret) => boolean, timeout = 5000) => {
        const deadline = Date.now() + timeout;
        let c = await page.evaluate(caretNow);
        while (!ok(c) && Date.now() < deadline) {
          await page.waitForTimeout(50);
          c = await page.evaluate(caretNow);
        }
        if (!ok(c)) throw new Error(`${what}: ${JSON.stringify(c)}`);
      };
      try {
        await editor.getByRole('heading').first().click();
        await step('the caret in the heading', (c) => c.inEditor && /^H[1-6]$/.test(c.block ?? ''));
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await step('an empty line after the heading', (c) => c.inEditor && c.block === 'P' && c.text === '');
        await page.keyboard.type('/');
        await step('"/" typed on it', (c) => c.inEditor && c.block === 'P' && c.text === '/');
        await menu.waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        tries.push(`try ${attempt}: ${(e as Error).message.split('\n')[0]} (then: ${JSON.stringify(await page.evaluate(caretNow))})`);
        if (attempt === 3) throw new Error(`the "/" menu did not open:\n${tries.join('\n')}`);
        await page.keyboard.press('Escape');
      }
    }
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

interface Caret {
  /** The focus is in the editor's text (not a button or field in a chart). */
  inEditor: boolean;
  /** The tag of the block the caret is in, and its text. */
  block: string | null;
  text: string | null;
  focus: string | null;
}

/** Where the keys would go now (runs in the page). */
function caretNow(): Caret {
  const active = document.activeElement;
  const node = window.getSelection()?.anchorNode ?? null;
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  const block = el?.closest('.ProseMirror p, .ProseMirror h1, .ProseMirror h2, .ProseMirror h3, .ProseMirror figure') ?? null;
  return {
    inEditor: Boolean(active?.classList.contains('ProseMirror')),
    block: block?.tagName ?? null,
    text: block ? (block.textContent ?? '').slice(0, 60) : null,
    focus: active ? `${active.tagName}${active.getAttribute('aria-label') ? ` "${active.getAttribute('aria-label')}"` : ''}` : null,
  };
}
