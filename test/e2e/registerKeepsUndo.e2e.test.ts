import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChapter } from '../../electron/services/documents/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { type BrowserMode, startBrowserMode } from './harness';

const rec = (id: string, text: string, partners: string[]) => ({ type: 'recommendation', attrs: { id, partners }, content: [{ type: 'text', text }] });
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('E2E: undo history survives the register; reopening lands on the last edited chapter', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-undo-register-'));
  const projectPath = join(dir, 'undo.jsna');

  beforeAll(async () => {
    const p = createProject(projectPath, 'Undo test');
    addChapter(p, 'Alpha', { type: 'doc', content: [para('Alpha text.')] });
    addChapter(p, 'Beta', { type: 'doc', content: [para('Beta text.'), rec('beta-rec-1', 'Expand school nursing.', ['LA'])] });
    addChapter(p, 'Gamma', { type: 'doc', content: [para('Gamma text.')] });
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const chapter = (name: string) => app.page.getByRole('button', { name, exact: true });
  const undo = () => app.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Undo' });
  async function visitRegister() {
    const { page } = app;
    await page.getByRole('button', { name: 'Recommendations register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommendations register' }).waitFor();
  }
  async function backToWrite() {
    await app.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Write' }).click();
  }

  it('undo works after each of three visits to the register', { timeout: 90_000 }, async () => {
    const { page } = app;
    await chapter('Alpha').click();
    const editor = page.getByRole('textbox', { name: 'Alpha text' });
    await editor.click();
    await page.keyboard.press('Control+End');
    for (const word of [' One.', ' Two.', ' Three.']) {
      await page.keyboard.type(word);
      await page.waitForTimeout(700); // a separate undo step each
    }
    await page.locator('[data-state="saved"]').waitFor();
    for (const word of [' Three.', ' Two.', ' One.']) {
      await visitRegister();
      await backToWrite();
      await expect.poll(() => editor.innerText()).toContain(word.trim());
      await expect.poll(() => undo().isEnabled()).toBe(true);
      await undo().click();
      await expect.poll(() => editor.innerText()).not.toContain(word.trim());
    }
    expect((await editor.innerText()).trim()).toBe('Alpha text.');
    await page.locator('[data-state="saved"]').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('a chapter the register rewrote (a partner renamed) is reloaded, says so, and saves again without a conflict', { timeout: 90_000 }, async () => {
    const { page } = app;
    await chapter('Beta').click();
    const editor = page.getByRole('textbox', { name: 'Beta text' });
    await editor.getByText('Beta text.').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Edited.');
    await page.locator('[data-state="saved"]').waitFor();
    const codes = ['LA', 'LCC', 'LCITY', 'LA'];
    for (let i = 1; i < codes.length; i++) {
      await visitRegister();
      await dispatch('partners.rename', { code: codes[i - 1]!, newCode: codes[i]! }, { session: app.session });
      await backToWrite();
      const notice = page.getByRole('status').filter({ hasText: 'The register rewrote “Beta”' });
      await notice.waitFor();
      expect(await notice.innerText()).toContain('undo starts again');
      await expect.poll(() => editor.locator('.recommendation .tag').innerText()).toBe(`[${codes[i]}]`);
      expect(await editor.innerText()).toContain('Beta text. Edited.');
      expect(await undo().isDisabled()).toBe(true);
      // The reloaded editor saves on top of the rewrite (no "saved elsewhere" conflict).
      await editor.getByText('Beta text.').click();
      await page.keyboard.press('End');
      await page.keyboard.type(` Again ${i}.`);
      await page.locator('[data-state="saved"]').waitFor();
      await notice.getByRole('button', { name: 'OK' }).click();
      await notice.waitFor({ state: 'detached' });
    }
    expect(await page.locator('[data-state="error"]').count()).toBe(0);
    // A chapter the rename did not touch keeps its history (all undone above: redo is there).
    await chapter('Alpha').click();
    await page.getByRole('textbox', { name: 'Alpha text' }).waitFor();
    await expect.poll(() => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Redo' }).isEnabled()).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });

  it('reopening the project opens the chapter edited last, three times', { timeout: 90_000 }, async () => {
    const { page } = app;
    for (const name of ['Gamma', 'Alpha', 'Beta']) {
      await chapter(name).click();
      const editor = page.getByRole('textbox', { name: `${name} text` });
      await editor.getByText(`${name} text.`).click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Last edited.');
      await page.locator('[data-state="saved"]').waitFor();
      // Someone else's chapter selected afterwards does not count: only edits do.
      await chapter(name === 'Alpha' ? 'Gamma' : 'Alpha').click();
      await page.getByRole('button', { name: 'Close project' }).click();
      const open = page.getByRole('form', { name: 'Open a project' });
      await open.getByLabel('Project file').fill(projectPath);
      await open.getByRole('button', { name: 'Open project', exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      expect(await page.getByRole('textbox', { name: `${name} text` }).innerText()).toContain('Last edited.');
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
