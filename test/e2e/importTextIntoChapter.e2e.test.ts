import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chapter, NodeJson } from '../../shared/api/chapters';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { axeViolations, type BrowserMode, startBrowserMode } from './harness';

const text = (n: NodeJson) => (n.content ?? []).map((c) => c.text ?? '').join('');

describe('E2E: Import text… into the open chapter at the cursor', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-import-into-'));
  const projectPath = join(dir, 'import.jsna');

  beforeAll(async () => {
    createProject(projectPath, 'Import test').close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function importInto(body: string) {
    const { page } = app;
    await page.getByRole('button', { name: 'Import text…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Into “Children” at the cursor').check();
    await dialog.getByRole('heading', { name: 'Import text into “Children”' }).waitFor();
    expect(await dialog.getByLabel('Chapter title').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Or paste the text').fill(body);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  async function savedDoc(): Promise<NodeJson[]> {
    await app.page.locator('[data-state="saved"]').waitFor();
    const list = (await dispatch('chapters.list', {}, { session: app.session })) as { id: string; title: string }[];
    expect(list.map((c) => c.title)).toEqual(['Children']); // no new chapter
    return ((await dispatch('chapters.get', { id: list[0]!.id }, { session: app.session })) as Chapter).doc.content ?? [];
  }

  it('three imports: at the cursor, after a selected word (kept), after a selected chart; recommendations keep ids and directory codes', { timeout: 90_000 }, async () => {
    const { page } = app;
    await page.getByLabel('New chapter').fill('Children');
    await page.getByRole('button', { name: 'Add chapter' }).click();
    const editor = page.getByRole('textbox', { name: 'Children text' });
    await editor.click();
    await page.keyboard.type('Intro paragraph.');

    // 1. The cursor at the end of the paragraph.
    await importInto('Mental health\n\nImprove access to talking therapies for young people [ccg/ uhl/ la].\n\nA plain paragraph with no tags.');
    await expect.poll(() => editor.locator('div.recommendation').count()).toBe(1);
    let doc = await savedDoc();
    expect(doc.map((n) => `${n.type}:${text(n)}`).slice(0, 4)).toEqual([
      'paragraph:Intro paragraph.',
      'heading:Mental health',
      'recommendation:Improve access to talking therapies for young people.',
      'paragraph:A plain paragraph with no tags.',
    ]);
    expect(doc[2]!.attrs?.partners).toEqual(['CCG', 'UHL', 'LA']);
    const firstId = doc[2]!.attrs?.id as string;
    expect(firstId).toBeTruthy();

    // 2. A word selected: it stays; the text goes after its paragraph.
    await editor.getByText('Intro paragraph.').click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe('Intro');
    await importInto('Expand school nursing [LA].');
    await expect.poll(() => editor.locator('div.recommendation').count()).toBe(2);
    doc = await savedDoc();
    expect(doc.map((n) => `${n.type}:${text(n)}`).slice(0, 3)).toEqual(['paragraph:Intro paragraph.', 'recommendation:Expand school nursing.', 'heading:Mental health']);
    expect(doc[1]!.attrs?.partners).toEqual(['LA']);
    expect(doc[3]!.attrs?.id).toBe(firstId);

    // 3. A chart selected (just inserted from the toolbar): the text goes after it.
    await editor.getByText('A plain paragraph with no tags.').click();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Insert chart', exact: true }).click();
    await expect.poll(() => editor.locator('figure[data-type="chart"]').getAttribute('class')).toContain('selected');
    await importInto('Support smoking cessation in pregnancy [icb].');
    await expect.poll(() => editor.locator('div.recommendation').count()).toBe(3);
    expect(await editor.locator('figure[data-type="chart"]').count()).toBe(1);
    doc = await savedDoc();
    const types = doc.map((n) => n.type);
    expect(types.indexOf('chart')).toBe(types.length - 3 /* chart, the import, the editor's trailing empty paragraph */);
    expect(doc[types.indexOf('chart') + 1]).toMatchObject({ type: 'recommendation', attrs: { partners: ['ICB'] }, content: [{ text: 'Support smoking cessation in pregnancy.' }] });
    const ids = doc.filter((n) => n.type === 'recommendation').map((n) => n.attrs?.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toContain(firstId);

    // The register lists the imported recommendations with their owners.
    const register = ((await dispatch('register.list', {}, { session: app.session })) as { rows: { partners: string[] }[] }).rows;
    expect(register.map((r) => r.partners)).toEqual(expect.arrayContaining([['CCG', 'UHL', 'LA'], ['LA'], ['ICB']]));
    expect(app.consoleErrors).toEqual([]);
  });
});
