import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChapter } from '../../electron/services/documents/chapters';
import { getMetadata } from '../../electron/services/project/metadata';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { axeViolations, type BrowserMode, startBrowserMode } from './harness';

/**
 * The project screen without typed paths: recent projects, a folder browser of the home folder
 * (JSNA_HOME here), the project's details, and choosing chapters to export.
 */
describe('E2E: the project screen in browser mode', () => {
  let app: BrowserMode;
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'jsna-e2e-projects-')));
  const home = join(dir, 'home');
  const outside = join(dir, 'outside');
  const savedHome = process.env.JSNA_HOME;
  const recentFile = join(dir, 'data', 'recent-projects.json');
  const projects = ['Adults', 'Children', 'Older people'].map((t) => join(home, 'JSNAs', `${t}.jsna`));

  beforeAll(async () => {
    mkdirSync(join(home, 'JSNAs'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'Secret.jsna'), '');
    symlinkSync(outside, join(home, 'JSNAs', 'Shared drive'));
    writeFileSync(join(home, 'JSNAs', 'notes.txt'), 'not a project');
    for (const p of projects) {
      const project = createProject(p, p.replace(/^.*\//, '').replace('.jsna', ''));
      for (const c of ['Introduction', 'Health outcomes', 'Recommendations']) addChapter(project, c);
      project.close();
    }
    process.env.JSNA_HOME = home;
    app = await startBrowserMode(undefined, { recentFile });
  });
  afterAll(async () => {
    await app?.close();
    if (savedHome === undefined) delete process.env.JSNA_HOME;
    else process.env.JSNA_HOME = savedHome;
    rmSync(dir, { recursive: true, force: true });
  });

  async function closeProject(page: Page) {
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('heading', { name: 'Open a project' }).waitFor();
  }

  it('opens projects from the folder browser (only folders and .jsna, never outside home), then from the recent list', { timeout: 90_000 }, async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Open a project' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Recent projects' }).count()).toBe(0);

    for (const [i, path] of projects.entries()) {
      await page.getByRole('button', { name: 'Browse for a project…' }).click();
      const browser = page.getByRole('region', { name: 'Browse for a project' });
      await browser.getByText(`In ${home}`).waitFor();
      expect(await browser.getByRole('button', { name: /^Up to/ }).count()).toBe(0); // no higher than home
      await browser.getByRole('button', { name: 'Folder: JSNAs' }).click();
      await browser.getByText(`In ${join(home, 'JSNAs')}`).waitFor();
      // The link out of the home folder and the text file are not listed.
      expect(await browser.locator('.folder-entries button').allInnerTexts()).toEqual(['Up to the folder above', 'Open Adults.jsna', 'Open Children.jsna', 'Open Older people.jsna']);
      if (i === 1) expect(await axeViolations(page)).toEqual([]); // the recent list and the folder browser
      await browser.getByRole('button', { name: `Open ${path.replace(/^.*\//, '')}` }).click();
      await page.locator('.project-title', { hasText: path.replace(/^.*\//, '').replace('.jsna', '') }).waitFor();
      await closeProject(page);
      // Remembered, newest first.
      const recent = page.getByRole('region', { name: 'Recent projects' });
      await expect.poll(() => recent.getByRole('button').count()).toBe(i + 1);
      expect(await recent.getByRole('button').first().innerText()).toBe(`Open ${path.replace(/^.*\//, '').replace('.jsna', '')}`);
    }

    // The server refuses anything outside home, however the page asks.
    for (const path of [outside, join(home, '..'), join(home, 'JSNAs', 'Shared drive'), '/']) {
      const res = await page.evaluate(async (p) => {
        const token = sessionStorage.getItem('jsna.token') ?? '';
        const r = await fetch('/rpc/files.list', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-JSNA-Token': token }, body: JSON.stringify({ path: p }) });
        return (await r.json()) as { ok: boolean; error?: { code: string } };
      }, path);
      expect(res, path).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    // From the recent list, three times over.
    for (const title of ['Children', 'Adults', 'Older people']) {
      await page.getByRole('region', { name: 'Recent projects' }).getByRole('button', { name: `Open ${title}` }).click();
      await page.locator('.project-title', { hasText: title }).waitFor();
      await closeProject(page);
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('creates a project in a folder chosen in the folder browser', { timeout: 60_000 }, async () => {
    const { page } = app;
    const form = page.getByRole('form', { name: 'Create a project' });
    await form.getByLabel('Title').fill('Mental health');
    await form.getByRole('button', { name: 'Choose a folder…' }).click();
    const browser = page.getByRole('region', { name: 'Choose a folder for the new project' });
    await browser.getByRole('button', { name: 'Folder: JSNAs' }).click();
    await browser.getByText(`In ${join(home, 'JSNAs')}`).waitFor();
    await browser.getByRole('button', { name: 'Use this folder' }).click();
    expect(await form.getByLabel('Project file').inputValue()).toBe(join(home, 'JSNAs', 'Mental health.jsna'));
    await form.getByRole('button', { name: 'Create project' }).click();
    await page.locator('.project-title', { hasText: 'Mental health' }).waitFor();

    // The same again: the file is there now, and is never replaced.
    await closeProject(page);
    const before = readFileSync(join(home, 'JSNAs', 'Mental health.jsna'));
    await form.getByLabel('Title').fill('Mental health');
    await form.getByRole('button', { name: 'Choose a folder…' }).click();
    await browser.getByRole('button', { name: 'Folder: JSNAs' }).click();
    await browser.getByText(`In ${join(home, 'JSNAs')}`).waitFor();
    await browser.getByRole('button', { name: 'Use this folder' }).click();
    await form.getByRole('button', { name: 'Create project' }).click();
    await form.getByRole('alert').getByText(/Mental health\.jsna already exists; choose another name or open it instead\./).waitFor();
    expect(readFileSync(join(home, 'JSNAs', 'Mental health.jsna')).equals(before)).toBe(true);
    await page.getByRole('region', { name: 'Recent projects' }).getByRole('button', { name: 'Open Mental health' }).click();
    await page.locator('.project-title', { hasText: 'Mental health' }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it("edits the project's title, area, authors and version, saved in the project file, again and again", { timeout: 60_000 }, async () => {
    const { page } = app;
    for (const [i, version] of ['Draft 1', 'Draft 2', 'Final'].entries()) {
      await page.getByRole('button', { name: 'Project details…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Project details' });
      await expect.poll(() => dialog.getByLabel('Title').inputValue()).toBe(i === 0 ? 'Mental health' : `Mental health (${i})`);
      await dialog.getByLabel('Title').fill(`Mental health (${i + 1})`);
      await dialog.getByLabel('Area').fill('Leicester');
      await dialog.getByLabel('Authors').fill('Public Health Intelligence');
      await dialog.getByLabel('Version').fill(version);
      if (i === 0) expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Save details' }).click();
      await dialog.getByText('Saved in the project file.').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.locator('.project-title', { hasText: `Mental health (${i + 1})` }).waitFor();
      expect(getMetadata(app.session.requireProject())).toEqual({ title: `Mental health (${i + 1})`, area: 'Leicester', authors: 'Public Health Intelligence', version });
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('exports only the chapters ticked (all by default, each time the dialog opens)', { timeout: 90_000 }, async () => {
    const { page } = app;
    await closeProject(page);
    await page.getByRole('region', { name: 'Recent projects' }).getByRole('button', { name: 'Open Adults' }).click();
    await page.locator('.project-title', { hasText: 'Adults' }).waitFor();

    let exports = 0;
    async function exportWith(untick: string[]): Promise<string[]> {
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export this assessment' });
      const chapters = dialog.getByRole('group', { name: 'Chapters' });
      for (const c of ['Introduction', 'Health outcomes', 'Recommendations']) {
        await expect.poll(() => chapters.getByLabel(c).isChecked()).toBe(true);
      }
      for (const c of untick) await chapters.getByLabel(c).uncheck();
      await dialog.getByLabel('Open it when done').uncheck();
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Export and download' }).click();
      const file = await download;
      const saved = join(dir, `export-${++exports}.html`);
      await file.saveAs(saved);
      const html = readFileSync(saved, 'utf8');
      await dialog.getByRole('button', { name: 'Close' }).click();
      return [...html.matchAll(/<section class="chapter"[^>]*><h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]!);
    }
    expect(await exportWith(['Introduction', 'Recommendations'])).toEqual(['1. Health outcomes']);
    expect(await exportWith(['Health outcomes'])).toEqual(['1. Introduction', '2. Recommendations']);
    expect(await exportWith([])).toEqual(['1. Introduction', '2. Health outcomes', '3. Recommendations']);

    // None ticked: nothing to export, said so.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export this assessment' });
    const chapters = dialog.getByRole('group', { name: 'Chapters' });
    for (const c of ['Introduction', 'Health outcomes', 'Recommendations']) await chapters.getByLabel(c).uncheck();
    await chapters.getByText('0 of 3 chapters: choose at least one to export.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await dialog.getByRole('button', { name: 'Export and download' }).isDisabled()).toBe(true);
    await chapters.getByRole('button', { name: 'Choose all' }).click();
    expect(await dialog.getByRole('button', { name: 'Export and download' }).isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dispatch('export.document', { format: 'html', chapterIds: [] }, { session: app.session })).rejects.toThrow(/choose at least one chapter/);
    expect(app.consoleErrors).toEqual([]);
  });
});
