import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addChapter, getChapter } from '../../electron/services/documents/chapters';
import { setStatus, statusHistory } from '../../electron/services/recommendations/status';
import { listRegister, registerRow } from '../../electron/services/recommendations/register';
import { seededProject } from '../helpers/seedProject';
import { axeViolations, type BrowserMode, startBrowserMode } from './harness';

const FIRST_LA = 'Take action to reduce infant mortality and low birth weight';

describe('E2E: the recommendations register', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-register-'));
  const userBefore = process.env.JSNA_USER_NAME;

  beforeAll(async () => {
    process.env.JSNA_USER_NAME = 'E2E Analyst';
    app = await startBrowserMode((session) => session.setProject(seededProject(dir).project));
    // Fail on the step that is stuck, well inside the test's own timeout.
    app.page.setDefaultTimeout(8_000);
  });
  afterAll(async () => {
    await app?.close();
    if (userBefore === undefined) delete process.env.JSNA_USER_NAME;
    else process.env.JSNA_USER_NAME = userBefore;
    rmSync(dir, { recursive: true, force: true });
  });

  // A failed step must not leave a modal dialog over the page for the next test.
  afterEach(async () => {
    for (let i = 0; i < 3 && (await app.page.locator('dialog[open]').count()) > 0; i++) await app.page.keyboard.press('Escape');
  });

  const rows = () => app.page.locator('.register-table tbody tr');

  it('filters by partner, records a status with a note, and shows it and its history after a reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Recommendations register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommendations register' }).waitFor();
    await page.getByText('Showing 22 of 22 recommendations').waitFor();
    // Counts per partner at a glance.
    await page.getByRole('button', { name: 'LA 16' }).waitFor();

    await page.getByLabel('Partner', { exact: true }).selectOption('LA');
    await page.getByText('Showing 16 of 22 recommendations for LA').waitFor();
    expect(await rows().count()).toBe(16);

    // ICB with successors: the three CCG recommendations.
    await page.getByLabel('Partner', { exact: true }).selectOption('ICB');
    await page.getByText('Showing 0 of 22 recommendations for ICB').waitFor();
    await page.getByLabel(/Include successors/).check();
    await page.getByText('Showing 3 of 22 recommendations for ICB (including CCG)').waitFor();
    expect(await rows().locator('td:nth-child(4)').allInnerTexts()).toEqual(['CCG/UHL/LA', 'CCG/UHL/LA', 'CCG/LPT']);
    await page.getByLabel(/Include successors/).uncheck();
    await page.getByLabel('Partner', { exact: true }).selectOption('LA');
    await page.getByText('Showing 16 of 22 recommendations for LA').waitFor();

    await page.getByRole('button', { name: `Update status of: ${FIRST_LA}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Update status' });
    await dialog.getByLabel('Status', { exact: true }).selectOption('In progress');
    await dialog.getByLabel('RAG rating').selectOption('Amber');
    await dialog.getByLabel('Due date').fill('2026-03-31');
    await dialog.getByLabel('Lead contact').fill('Public health team');
    await dialog.getByLabel('Progress note').fill('Maternity booking audit under way; report to the board in March.');
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = rows().filter({ hasText: FIRST_LA });
    await row.getByText('In progress').waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual([
      'Children and young people',
      '0 to 19 year old children',
      expect.stringContaining(FIRST_LA),
      'CCG/UHL/LA',
      'In progress',
      'Amber',
      '31 Mar 2026',
      expect.stringMatching(/by E2E Analyst[\s\S]*Maternity booking audit under way/),
      'Update status',
    ]);

    await page.reload();
    await page.getByRole('button', { name: 'Recommendations register' }).click();
    // The filter survived the reload (this tab's session).
    await page.getByText('Showing 16 of 22 recommendations for LA').waitFor();
    const again = rows().filter({ hasText: FIRST_LA });
    await again.getByText('In progress').waitFor();
    await again.getByText('Amber').waitFor();
    await again.getByRole('button', { name: /Update status of/ }).click();
    const reopened = page.getByRole('dialog', { name: 'Update status' });
    expect(await reopened.getByLabel('Status', { exact: true }).inputValue()).toBe('In progress');
    expect(await reopened.getByLabel('Due date').inputValue()).toBe('2026-03-31');
    await reopened.getByRole('button', { name: 'Show history (1 update)' }).click();
    const history = reopened.locator('.history li');
    await history.first().waitFor();
    expect(await history.count()).toBe(1);
    const entry = await history.first().innerText();
    expect(entry).toContain('E2E Analyst');
    expect(entry).toContain('Maternity booking audit under way; report to the board in March.');
    expect(entry).toMatch(/Status\s*In progress/);
    expect(entry).toMatch(/Lead\s*Public health team/);

    // A second update appends; the first stays as it was.
    await reopened.getByLabel('Status', { exact: true }).selectOption('Complete');
    await reopened.getByLabel('Progress note').fill('Audit reported.');
    await reopened.getByRole('button', { name: 'Save status' }).click();
    await reopened.waitFor({ state: 'detached' });
    await rows().filter({ hasText: FIRST_LA }).getByText('Complete').waitFor();

    const project = app.session.requireProject();
    const id = listRegister(project, { search: 'infant mortality low birth weight' }).rows[0]!.id;
    expect(statusHistory(project, id).map((h) => [h.author, h.status, h.rag, h.dueDate, h.lead, h.note])).toEqual([
      ['E2E Analyst', 'In progress', 'Amber', '2026-03-31', 'Public health team', 'Maternity booking audit under way; report to the board in March.'],
      ['E2E Analyst', 'Complete', 'Amber', '2026-03-31', 'Public health team', 'Audit reported.'],
    ]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('the status dialog works from the keyboard: focus moves in and stays in, Escape cancels, focus returns to the opener', async () => {
    const { page } = app;
    const opener = page.getByRole('button', { name: `Update status of: ${FIRST_LA}` });
    const dialog = page.getByRole('dialog', { name: 'Update status' });
    const focusInDialog = () => page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null && document.activeElement !== null);
    const openerHasFocus = () => opener.evaluate((el) => el === document.activeElement);
    const project = app.session.requireProject();
    const id = listRegister(project, { search: 'infant mortality low birth weight' }).rows[0]!.id;
    const before = statusHistory(project, id).length;

    await page.getByRole('button', { name: 'Recommendations register' }).click();
    await opener.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Focus starts on the first field, and every field is labelled.
    expect(await dialog.getByLabel('Status', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    for (const label of ['Status', 'RAG rating', 'Due date', 'Lead contact', 'Progress note']) expect(await dialog.getByLabel(label, { exact: true }).count()).toBe(1);
    // The page behind is inert: Tab and Shift+Tab never leave the dialog.
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog()).toBe(true);
    }
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInDialog()).toBe(true);
    }
    await dialog.getByLabel('Progress note').fill('Typed, then abandoned.');
    await page.keyboard.press('Escape');
    // Gone from the page, not just closed: React drops it on the dialog's close event, a task later.
    await page.locator('dialog.status-dialog').waitFor({ state: 'detached' });
    expect(await openerHasFocus()).toBe(true);

    // Saving from the keyboard also hands focus back, and Escape saved nothing.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /^Show history \(\d+ updates?\)$/ }).waitFor();
    await dialog.getByLabel('Progress note').fill('Checked from the keyboard.');
    await dialog.getByRole('button', { name: 'Save status' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Status of “Take action to reduce infant mortality.*” saved/).waitFor({ state: 'attached' });
    expect(await openerHasFocus()).toBe(true);
    expect(statusHistory(project, id).slice(before).map((h) => h.note)).toEqual(['Checked from the keyboard.']);

    // A save that takes the row out of the filtered list: focus goes to the table, not lost to the page.
    await page.getByLabel('Status', { exact: true }).selectOption('Complete');
    await expect.poll(() => rows().locator('td.rec-text').allInnerTexts()).toEqual([expect.stringContaining(FIRST_LA)]);
    await opener.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByLabel('Status', { exact: true }).selectOption('Not progressing');
    await dialog.getByRole('button', { name: 'Save status' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('No recommendations match these filters.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('register-caption');
    setStatus(project, { id, status: 'Complete' }, { author: 'E2E Analyst' });
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByText('Showing 16 of 22 recommendations for LA').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('downloads the action list as CSV (UTF-8 with BOM, CRLF) and as HTML without script', async () => {
    const { page } = app;
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^action-list-la-\d{4}-\d\d-\d\d\.csv$/);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.split('\r\n')).toHaveLength(18);
    expect(text).toContain('city’s 0-19 Healthy Child Programme');

    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
    expect(html.suggestedFilename()).toMatch(/^action-list-la-\d{4}-\d\d-\d\d\.html$/);
    const page2 = readFileSync((await html.path())!, 'utf8');
    expect(page2).not.toMatch(/<script/i);
    expect(page2).toContain('<caption>LA: recommendations in “Children and young people” (16)</caption>');
    expect(app.consoleErrors).toEqual([]);
  });

  it('sorts by a column, searches, and opens a recommendation in the editor', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Showing 22 of 22 recommendations').waitFor();
    await page.getByRole('button', { name: 'Status', exact: true }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Status' }).waitFor();
    await page.getByRole('button', { name: 'Status', exact: true }).click();
    await page.locator('th[aria-sort="descending"]', { hasText: 'Status' }).waitFor();
    expect(await rows().first().locator('td:nth-child(5)').innerText()).toBe('Complete');
    await page.getByRole('button', { name: 'Chapter', exact: true }).click();

    await page.getByLabel('Search').fill("childrens survey");
    await page.getByLabel('Search').fill("children's survey");
    await page.getByText('Showing 1 of 22 recommendations').waitFor();
    await rows().first().locator('td.rec-text').getByRole('button', { name: /local Children’s Survey/ }).click();
    const editor = page.getByRole('textbox', { name: 'Children and young people text' });
    await editor.waitFor();
    await page.locator('.recommendation.flash', { hasText: 'local Children’s Survey' }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('filters by status, chapter and needs an owner; a recommendation deleted in the editor stays with its history, and undo reconnects it', async () => {
    const { page } = app;
    const project = app.session.requireProject();
    const FALLS = 'Commission a falls prevention service for older people.';
    addChapter(project, 'Adults', {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Older people' }] },
        { type: 'recommendation', attrs: { id: 'adult-1', partners: [] }, content: [{ type: 'text', text: FALLS }] },
      ],
    });
    setStatus(project, { id: 'adult-1', status: 'In progress', note: 'Scoping with the ICB.' }, { author: 'Jo' });
    await page.reload();
    await page.getByRole('button', { name: 'Recommendations register' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Showing 23 of 23 recommendations').waitFor();
    await page.getByRole('button', { name: 'Needs an owner 1' }).waitFor();

    // Consecutive filters can show the same count, so wait for the rows themselves, not only the count.
    const onlyRowIs = async (text: string) => {
      await expect.poll(() => rows().locator('td.rec-text').allInnerTexts(), { timeout: 8_000 }).toEqual([expect.stringContaining(text)]);
      await page.getByText('Showing 1 of 23 recommendations').waitFor();
    };
    await page.getByLabel('Status', { exact: true }).selectOption('Complete');
    await onlyRowIs(FIRST_LA);
    await page.getByLabel('Status', { exact: true }).selectOption('In progress');
    await onlyRowIs(FALLS);
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByText('Showing 23 of 23 recommendations').waitFor();
    // The filters' Chapter, not the (hidden) chapter pane the write tab keeps loaded.
    const chapterFilter = page.getByRole('search', { name: 'Filter recommendations' }).getByLabel('Chapter', { exact: true });
    await chapterFilter.selectOption({ label: 'Adults' });
    await onlyRowIs(FALLS);
    await chapterFilter.selectOption({ label: 'Children and young people' });
    await page.getByText('Showing 22 of 23 recommendations').waitFor();
    await chapterFilter.selectOption('');
    await page.getByRole('checkbox', { name: 'Needs an owner' }).check();
    await page.getByText('Showing 1 of 23 recommendations').waitFor();
    const falls = () => rows().filter({ hasText: 'falls prevention' });
    expect(await falls().locator('td').allInnerTexts()).toEqual(['Adults', 'Older people', FALLS, 'Needs an owner', 'In progress', 'Not set', '—', expect.stringContaining('by Jo'), 'Update status']);

    // Delete its text in the editor: the register keeps it, marked removed; undo brings it back.
    await falls().locator('td.rec-text').getByRole('button').click();
    await page.locator('.recommendation.flash', { hasText: 'falls prevention' }).waitFor();
    // The editor takes focus on the next frame (tiptap's focus command): type only once it has it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Adults text');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await expect.poll(() => registerRow(project, 'adult-1').inDocument, { timeout: 8_000 }).toBe(false);
    await page.keyboard.press('ControlOrMeta+z');
    await page.locator('.recommendation', { hasText: 'falls prevention' }).waitFor();
    await expect.poll(() => registerRow(project, 'adult-1').inDocument, { timeout: 8_000 }).toBe(true);
    expect(registerRow(project, 'adult-1')).toMatchObject({ status: 'In progress', updates: 1, latestNote: 'Scoping with the ICB.', chapter: 'Adults', section: 'Older people' });

    // Deleted again (the editor still has focus) and seen in the register: still there, saying so, with its history.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await expect.poll(() => registerRow(project, 'adult-1').inDocument, { timeout: 8_000 }).toBe(false);
    await page.getByRole('button', { name: 'Recommendations register' }).click();
    // Hidden by default, as the CLI's `recs` hides them; the filter shows them.
    await page.getByText('Showing 0 of 22 recommendations').waitFor();
    await page.getByRole('checkbox', { name: 'Show removed from document' }).check();
    await page.getByText('Showing 1 of 23 recommendations').waitFor();
    await falls().getByText('Removed from document').waitFor();
    expect(await falls().locator('td:nth-child(5)').innerText()).toBe('In progress');
    await page.getByRole('button', { name: 'Needs an owner 0' }).waitFor();
    await falls().getByRole('button', { name: /Update status of/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Update status' });
    await dialog.getByRole('button', { name: 'Show history (1 update)' }).click();
    await dialog.locator('.history li', { hasText: 'Scoping with the ICB.' }).waitFor();
    await page.keyboard.press('Escape');
    // Gone from the page, not just closed: React drops it on the dialog's close event, a task later.
    await page.locator('dialog.status-dialog').waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Show removed from document' }).uncheck();
    await page.getByText('Showing 0 of 22 recommendations').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(app.consoleErrors).toEqual([]);
  });

  it('manages the partner directory: delete refused with the list, add, rename', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Recommendations register' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'Partner directory' }).click();
    await page.getByRole('button', { name: 'Delete HWB' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('HWB cannot be deleted: these 2 recommendations use it.').waitFor();
    expect(await refusal.locator('li').count()).toBe(2);

    await page.getByLabel('Code').fill('Scouts');
    await page.getByLabel('Full name').fill('Scout Association');
    await page.getByLabel('Type').selectOption('voluntary');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await page.getByRole('rowheader', { name: 'Scouts' }).waitFor();

    await page.getByRole('button', { name: 'Rename UHL' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename UHL' });
    await dialog.getByLabel('New code').fill('UHL Trust');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('rowheader', { name: 'UHL Trust' }).waitFor();

    await page.getByRole('button', { name: 'Edit Scouts' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Scouts' });
    await edit.getByLabel('Full name').fill('The Scout Association');
    await edit.getByLabel('Succeeded by').selectOption('other partners');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row', { name: /Scouts The Scout Association Voluntary sector other partners 0/ }).waitFor();

    // Merge YOM into YOS: every YOM tag in the chapter becomes YOS, and YOM leaves the directory.
    const project = app.session.requireProject();
    const yomOrYos = listRegister(project, {}).rows.filter((r) => r.partners.includes('YOM') || r.partners.includes('YOS')).length;
    await page.getByRole('button', { name: 'Merge YOM' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge YOM into another partner' });
    await merge.getByLabel('Merge into').selectOption('YOS');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await page.locator('dialog').first().waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: 'YOM', exact: true }).waitFor({ state: 'detached' });
    expect(listRegister(project, { partner: 'YOS' }).rows).toHaveLength(yomOrYos);
    expect(JSON.stringify(getChapter(project, listRegister(project, { partner: 'YOS' }).rows[0]!.chapterId).doc)).not.toContain('"YOM"');

    await page.getByRole('button', { name: 'Recommendations', exact: true }).click();
    await page.getByRole('button', { name: 'UHL Trust 3' }).waitFor();
    await page.getByRole('button', { name: `YOS ${yomOrYos}` }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('has no accessibility violations axe-core can find in the register and the status dialog', async () => {
    const { page } = app;
    const run = () => axeViolations(page);
    await page.getByText(/Showing \d+ of \d+ recommendations/).waitFor();
    expect(await run()).toEqual([]);
    await page.getByRole('button', { name: /Update status of: Take action/ }).click();
    await page.getByRole('button', { name: /Show history/ }).click();
    await page.locator('.history li').first().waitFor();
    expect(await run()).toEqual([]);
  });
});
