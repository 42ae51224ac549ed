import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChapter } from '../../electron/services/documents/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { type BrowserMode, startBrowserMode } from './harness';

const rec = (id: string, text: string, partners: string[]) => ({ type: 'recommendation', attrs: { id, partners }, content: [{ type: 'text', text }] });

/**
 * Found by a new user: the toolbar's Recommendation button, pressed in a recommendation, made it
 * plain text and its owners were gone without a word (pressed again, a new recommendation with no
 * owners and a new id). Now it asks first, naming the owners, every time; H2/H3 the same.
 */
describe('E2E: the toolbar never takes a recommendation’s owners without asking', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-rec-toolbar-'));

  beforeAll(async () => {
    const p = createProject(join(dir, 'recs.jsna'), 'Toolbar test');
    addChapter(p, 'Actions', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Our actions.' }] }, rec('rec-owned', 'Expand school nursing.', ['LA', 'UHL'])] });
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(join(dir, 'recs.jsna'))));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks, naming the owners, the 1st, 2nd and 3rd time; No keeps it; Yes makes it text; Undo brings the owners back', { timeout: 90_000 }, async () => {
    const { page } = app;
    const editor = page.getByRole('textbox', { name: 'Actions text' });
    await editor.waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const owned = editor.locator('.recommendation[data-id="rec-owned"]');
    const asked: string[] = [];
    const answerNext = (yes: boolean) =>
      page.once('dialog', (d) => {
        asked.push(d.message());
        void (yes ? d.accept() : d.dismiss());
      });

    for (const [i, button] of ['Make recommendation', 'Make recommendation', 'H2 heading'].entries()) {
      await owned.locator('.recommendation-text').click();
      answerNext(false);
      await toolbar.getByRole('button', { name: button }).click();
      await expect.poll(() => asked.length).toBe(i + 1);
      await expect.poll(() => owned.locator('.tag').innerText()).toBe('[LA/UHL]');
    }
    // A selection over a paragraph and the recommendation: asked too (the toolbar would change both).
    await owned.locator('.recommendation-text').click();
    await page.keyboard.press('ControlOrMeta+A');
    answerNext(false);
    await toolbar.getByRole('button', { name: 'H3 subheading' }).click();
    await expect.poll(() => asked.length).toBe(4);
    await expect.poll(() => owned.locator('.tag').innerText()).toBe('[LA/UHL]');
    for (const m of asked) expect(m).toContain('Its owners (LA, UHL) come off it');

    await owned.locator('.recommendation-text').click();
    answerNext(true);
    await toolbar.getByRole('button', { name: 'Make recommendation' }).click();
    await owned.waitFor({ state: 'detached' });
    await expect.poll(() => editor.innerText()).toContain('Expand school nursing.');

    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => owned.locator('.tag').innerText()).toBe('[LA/UHL]');
    expect(app.consoleErrors).toEqual([]);
  });
});
