import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChapter, listChapters } from '../../electron/services/documents/chapters';
import { openProject } from '../../electron/services/project/project';
import { type BrowserMode, startBrowserMode } from './harness';

describe('E2E: create a project, write a chapter, reload, reopen', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-'));
  const projectPath = join(dir, 'Children JSNA.jsna');

  beforeAll(async () => {
    app = await startBrowserMode();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('persists chapters and text exactly as left', async () => {
    const { page } = app;
    // The token has been taken out of the address bar.
    await page.getByRole('heading', { name: 'Create a project' }).waitFor();
    expect(page.url()).not.toContain('token');

    await page.getByRole('form', { name: 'Create a project' }).getByLabel('Project file').fill(projectPath);
    await page.getByLabel('Title').fill('Children and young people JSNA');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByText('Children and young people JSNA').waitFor();

    await page.getByLabel('New chapter').fill('Health of children');
    await page.getByRole('button', { name: 'Add chapter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Health of children' }).waitFor();

    await page.getByRole('button', { name: 'Rename Health of children' }).click();
    await page.getByLabel('New title for Health of children').fill('Children’s health');
    await page.getByRole('button', { name: 'Save title' }).click();
    await page.getByRole('heading', { level: 1, name: 'Children’s health' }).waitFor();

    const editor = page.getByRole('textbox', { name: 'Children’s health text' });
    await editor.click();
    await page.keyboard.type('Excess weight in reception year rose to 22.7%.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Owned by ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('all partners');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('.');
    await page.locator('[data-state="saved"]').waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Children’s health', exact: true }).click();
    const reloaded = page.getByRole('textbox', { name: 'Children’s health text' });
    await reloaded.locator('p').nth(1).waitFor();
    expect(await reloaded.locator('p').allInnerTexts()).toEqual(['Excess weight in reception year rose to 22.7%.', 'Owned by all partners.']);
    expect(await reloaded.locator('strong').innerText()).toBe('all partners');

    // Close and open again by path, as a person coming back to it would.
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('form', { name: 'Open a project' }).getByLabel('Project file').fill(projectPath);
    await page.getByRole('button', { name: 'Open project' }).click();
    await page.getByRole('button', { name: 'Children’s health', exact: true }).click();
    await page.getByRole('textbox', { name: 'Children’s health text' }).locator('strong').waitFor();

    expect(app.consoleErrors).toEqual([]);
  });

  it('wrote it to the project file itself', async () => {
    await app.page.getByRole('button', { name: 'Close project' }).click();
    await app.page.getByRole('heading', { name: 'Open a project' }).waitFor();
    const project = openProject(projectPath, { readOnly: true });
    try {
      const [chapter] = listChapters(project);
      expect(chapter?.title).toBe('Children’s health');
      const doc = getChapter(project, chapter!.id).doc;
      expect(doc.content?.[1]).toEqual({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Owned by ' },
          { type: 'text', text: 'all partners', marks: [{ type: 'bold' }] },
          { type: 'text', text: '.' },
        ],
      });
    } finally {
      project.close();
    }
  });

  it('offers read-only when the project is open elsewhere', async () => {
    const other = openProject(projectPath);
    try {
      const { page } = app;
      await page.getByRole('form', { name: 'Open a project' }).getByLabel('Project file').fill(projectPath);
      await page.getByRole('button', { name: 'Open project' }).click();
      await page.getByText(/already open for editing by/).waitFor();
      await page.getByRole('button', { name: 'Open read-only' }).click();
      await page.getByText('Read-only', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Add chapter' }).count()).toBe(0);
    } finally {
      other.close();
    }
  });
});
