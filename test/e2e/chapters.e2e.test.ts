import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChapter, listChapters } from '../../electron/services/documents/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { type BrowserMode, startBrowserMode } from './harness';

const seed000 = join(__dirname, '..', 'fixtures', 'seeds', '000_leicester_cyp_recommendations.txt');

describe('E2E: chapters, outline, import and paste', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-chapters-'));
  const projectPath = join(dir, 'chapters.jsna');

  beforeAll(async () => {
    createProject(projectPath, 'Chapters test').close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
  });
  afterAll(async () => {
    if (process.env.E2E_DEBUG) await app?.page.screenshot({ path: '/tmp/e2e-chapters.png', fullPage: true });
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const chapter = (title: string) => app.page.locator('nav.chapters .chapter-link').filter({ hasText: new RegExp(`^${title}$`) });
  const order = () => app.page.locator('nav.chapters .chapter-link').allInnerTexts();
  /** Adds chapters one after another through the form, each opened before the next. */
  async function addChapters(titles: string[]) {
    for (const title of titles) {
      await app.page.getByLabel('New chapter').fill(title);
      await app.page.getByRole('button', { name: 'Add chapter' }).click();
      await app.page.getByRole('heading', { level: 1, name: title }).waitFor();
    }
  }

  it('adds, reorders by keyboard and by drag, and deletes a chapter with undo', { timeout: 60_000 }, async () => {
    const { page } = app;
    await addChapters(['Population', 'Mental health', 'Oral health']);
    expect(await order()).toEqual(['Population', 'Mental health', 'Oral health']);

    await chapter('Oral health').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(order).toEqual(['Population', 'Oral health', 'Mental health']);
    await page.getByText('Oral health moved to position 2 of 3.').waitFor({ state: 'attached' });

    await chapter('Mental health').dragTo(chapter('Population'));
    await expect.poll(order).toEqual(['Mental health', 'Population', 'Oral health']);

    await page.getByRole('button', { name: 'Delete Population' }).click();
    await page.getByText('Chapter “Population” deleted.').waitFor();
    await expect.poll(order).toEqual(['Mental health', 'Oral health']);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(order).toEqual(['Mental health', 'Population', 'Oral health']);

    await page.reload();
    await expect.poll(order).toEqual(['Mental health', 'Population', 'Oral health']);
  });

  it('says why a blank title does nothing, for a new chapter and a rename, each time; Escape keeps the title', { timeout: 60_000 }, async () => {
    const { page } = app;
    const before = await order();
    // Each try's message is a new element (read out again), not the first one left on screen.
    const said = async (text: string) => {
      const alert = page.getByRole('alert').filter({ hasText: text });
      await alert.waitFor();
      // The element marked last time is gone: this one is new.
      expect(await page.locator('[role="alert"][data-seen]').count()).toBe(0);
      await alert.evaluate((e: Element) => e.setAttribute('data-seen', ''));
    };
    for (let i = 0; i < 2; i++) {
      await page.getByLabel('New chapter').fill('   ');
      await page.getByRole('button', { name: 'Add chapter' }).click();
      await said('Type a title for the new chapter first: no chapter was added.');
    }
    expect(await order()).toEqual(before);
    await page.getByRole('button', { name: 'Rename Population' }).click();
    const input = page.getByLabel('New title for Population');
    for (let i = 0; i < 2; i++) {
      await input.fill('');
      await page.getByRole('button', { name: 'Save title' }).click();
      await said('A chapter needs a title: type one, or press Escape to keep “Population”.');
      await expect.poll(() => input.isVisible()).toBe(true);
    }
    await input.press('Escape');
    await expect.poll(order).toEqual(before);
    expect(await page.locator('nav.chapters .form-problem').count()).toBe(0);
    await page.reload();
    await expect.poll(order).toEqual(before);
  });

  it('deleting a 2nd and 3rd chapter keeps the 1st restorable: Undo restores latest first, the rest stay under Deleted chapters', { timeout: 60_000 }, async () => {
    const { page } = app;
    await addChapters(['Temp A', 'Temp B', 'Temp C']);
    const before = await order();
    for (const title of ['Temp A', 'Temp B', 'Temp C']) {
      await page.getByRole('button', { name: `Delete ${title}` }).click();
      await page.getByText(`Chapter “${title}” deleted.`).waitFor();
    }
    await page.getByText('3 chapters deleted').waitFor();
    const undo = page.locator('.toast').getByRole('button', { name: 'Undo' });
    await undo.click();
    await page.getByText('Chapter “Temp B” deleted.').waitFor();
    await undo.click();
    await page.getByText('Chapter “Temp A” deleted.').waitFor();
    await expect.poll(order).toEqual(before.filter((t) => t !== 'Temp A'));
    // The message dismissed: Temp A is still there to restore.
    await page.locator('.toast').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Deleted chapters (1)' }).click();
    await page.getByRole('button', { name: 'Restore “Temp A”' }).click();
    await expect.poll(order).toEqual(before);
    await page.getByRole('button', { name: /^Deleted chapters/ }).waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });

  it('counts words, undoes and redoes typing, and keeps it on blur', { timeout: 60_000 }, async () => {
    const { page } = app;
    await chapter('Oral health').click();
    const editor = page.getByRole('textbox', { name: 'Oral health text' });
    await editor.click();
    await page.keyboard.type('Tooth decay in five year olds is falling.');
    await page.locator('[data-state="saved"]').waitFor();
    await expect.poll(() => page.locator('.word-count').innerText()).toBe('8 words');

    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => editor.innerText()).not.toContain('Tooth decay');
    await toolbar.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => editor.innerText()).toContain('Tooth decay in five year olds is falling.');

    // Typing then leaving the editor at once (no pause) still saves.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Fluoride varnish helps.');
    await page.getByLabel('New chapter').click();
    await page.locator('[data-state="saved"]').waitFor();
    const p = openProject(projectPath, { readOnly: true });
    try {
      const id = listChapters(p).find((c) => c.title === 'Oral health')!.id;
      expect(JSON.stringify(getChapter(p, id).doc)).toContain('falling. Fluoride varnish helps.');
    } finally {
      p.close();
    }
  });

  it('links selected text to a web address, refusing script URLs', { timeout: 60_000 }, async () => {
    const { page } = app;
    await chapter('Oral health').click();
    const editor = page.getByRole('textbox', { name: 'Oral health text' });
    await editor.getByText('Fluoride', { exact: false }).waitFor();
    await editor.evaluate((el) => {
      const text = [...el.querySelectorAll('p')].map((p) => p.firstChild).find((n) => n?.textContent?.includes('Fluoride'))!;
      const start = text.textContent!.indexOf('Fluoride');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'Fluoride'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    await toolbar.getByRole('button', { name: 'Link' }).click();
    await page.getByLabel('Web address').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('A link must start with https://, http:// or mailto:.').waitFor();
    expect(await editor.locator('a').count()).toBe(0);
    await page.getByLabel('Web address').fill('https://fingertips.phe.org.uk/');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => editor.locator('a').getAttribute('href')).toBe('https://fingertips.phe.org.uk/');
    expect(await editor.locator('a').innerText()).toBe('Fluoride');
    await page.locator('[data-state="saved"]').waitFor();
  });

  it('keeps a chapter’s undo history when you switch to another chapter and back', { timeout: 60_000 }, async () => {
    const { page } = app;
    await chapter('Oral health').click();
    const editor = page.getByRole('textbox', { name: 'Oral health text' });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Sealants too.');
    await page.locator('[data-state="saved"]').waitFor();
    await chapter('Population').click();
    await page.getByRole('heading', { level: 1, name: 'Population' }).waitFor();
    await chapter('Oral health').click();
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => editor.innerText()).not.toContain('Sealants too.');
    expect(await editor.innerText()).toContain('Fluoride varnish helps.');
    await page.locator('[data-state="saved"]').waitFor();
  });

  it('imports seed 000 as a chapter of 22 recommendations under its headings, and navigates by the outline', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Import text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import text as a new chapter' });
    await dialog.getByLabel('Text file').setInputFiles(seed000);
    await expect.poll(() => dialog.getByLabel('Chapter title').inputValue()).toBe('000_leicester_cyp_recommendations');
    await dialog.getByLabel('Chapter title').fill('Leicester recommendations');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leicester recommendations' }).waitFor();

    await expect.poll(() => page.locator('.ProseMirror div.recommendation').count()).toBe(22);
    await page.locator('.recommendation .tag').getByText('[CCG/UHL/LA]').first().waitFor();

    const headings = page.getByRole('list', { name: 'Headings in Leicester recommendations' });
    await headings.getByRole('button', { name: 'Mental health' }).waitFor();
    await headings.getByRole('button', { name: 'Looked-after children' }).click();
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('h1,h2,h3,h4')?.textContent ?? ''))
      .toBe('Looked-after children');
  });

  it('turns pasted text with partner tags into recommendations with directory codes', { timeout: 60_000 }, async () => {
    const { page } = app;
    await chapter('Mental health').click();
    const editor = page.getByRole('textbox', { name: 'Mental health text' });
    await editor.click();
    const pasted = 'Improve access to talking therapies for young people [ccg/ uhl/ la].\n\nA plain paragraph with no tags.';
    await editor.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted);
    await editor.locator('.recommendation .tag').getByText('[CCG/UHL/LA]').waitFor();
    await expect.poll(() => editor.locator('p').allInnerTexts()).toContain('A plain paragraph with no tags.');
    await page.locator('[data-state="saved"]').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('inserts from the "/" menu by keyboard: ↓/↑ choose, Enter runs the chosen command, Escape closes it', { timeout: 60_000 }, async () => {
    const { page } = app;
    await chapter('Mental health').click();
    const editor = page.getByRole('textbox', { name: 'Mental health text' });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    const menu = page.getByRole('listbox', { name: 'Insert' });
    await menu.waitFor();
    // Escape closes it and leaves the "/" typed; the next change to the text opens it again.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await editor.locator('p').last().innerText()).toBe('/');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('/');
    await menu.waitFor();
    const chosen = () => page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-activedescendant') ?? '')?.textContent ?? null);
    expect(await chosen()).toMatch(/^Chart/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(chosen).toMatch(/^Heading/);
    expect(await menu.getByRole('option', { selected: true }).innerText()).toMatch(/^Heading/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(chosen).toMatch(/^Recommendation/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(chosen).toMatch(/^Heading/);
    // Typing narrows the list and starts again from its first match.
    await page.keyboard.type('sub');
    await expect.poll(chosen).toMatch(/^Subheading/);
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    expect(await editor.evaluate((el) => el.hasAttribute('aria-activedescendant'))).toBe(false);
    await page.keyboard.type('Transitions to adult services');
    await editor.getByRole('heading', { level: 3, name: 'Transitions to adult services' }).waitFor();
    await page.locator('[data-state="saved"]').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
