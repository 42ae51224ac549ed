import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chapter, NodeJson } from '../../shared/api/chapters';
import type { ChartData } from '../../shared/api/library';
import type { RegisterResult } from '../../shared/api/register';
import { importToPath } from '../../electron/services/library/importFiles';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { type BrowserMode, startBrowserMode } from './harness';

/**
 * Issue 10's first-day walkthrough, through the UI only, counting every UI action: a new chapter,
 * another region's Fingertips download, nine pasted recommendations, five charts for Leicester, the
 * register, HTML and PDF export. At most 40 actions, and nothing lost: all five charts and both
 * regions' values are there at the end.
 *
 * Data: the region-split downloads built from the real Fingertips file (test/fixtures/fingertips/
 * constructed/SOURCE.txt) and the sample's illustrative child-health basket (resources/sample/library).
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'fingertips', 'constructed');
const EAST = join(FIXTURES, 'campylobacter-93356-east-midlands.csv');
const WEST = join(FIXTURES, 'campylobacter-93356-west-midlands.csv');
const SAMPLE = join(__dirname, '..', '..', 'resources', 'sample', 'library');
const LEICESTER = 'E06000016';
const STOKE = 'E06000021'; // West Midlands
const NINE_RECOMMENDATIONS = [
  'Commission a single point of access for children’s emotional wellbeing [CCG/ UHL/ LA].',
  'Train school staff in mental health first aid [LA].',
  'Extend talking therapies to 16–25 year olds [CCG/ LPT].',
  'Publish waiting times for CAMHS each quarter [LPT].',
  'Review self-harm admissions with the emergency department [UHL/ LA].',
  'Offer parenting support to families of children with behavioural difficulties [LA, NHS & other partners].',
  'Include young people’s voices in service design [HWB].',
  'Reduce exclusions of children with special educational needs [LA].',
  'Agree a shared outcomes framework across partners [CCG/ UHL/ LA].',
].join('\n\n');

describe('E2E: a new analyst’s first chapter, start to finish (issue 10)', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-walkthrough-'));
  const projectPath = join(dir, 'walkthrough.jsna');
  const libraryPath = join(dir, 'library.jsnalib');

  beforeAll(async () => {
    // Before the walkthrough: the library already holds the East Midlands download and the basket.
    await importToPath(libraryPath, [EAST, join(SAMPLE, 'child-health-illustrative.csv')], {
      metadataPath: join(SAMPLE, 'child-health-illustrative-metadata.csv'),
      worker: false,
    });
    const p = createProject(projectPath, 'Children and young people');
    p.setMeta('library_path', libraryPath);
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes at most 40 UI actions and loses nothing', { timeout: 240_000 }, async () => {
    const { page } = app;
    const actions: string[] = [];
    /** One UI action: a click, a fill, a choice, a paste. Waits for its result are not actions. */
    const act = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
      actions.push(what);
      return run();
    };

    // A new chapter.
    await act('type the chapter title', () => page.getByLabel('New chapter').fill('Emotional health and wellbeing'));
    await act('add the chapter', () => page.getByRole('button', { name: 'Add chapter' }).click());
    const editor = page.getByRole('textbox', { name: 'Emotional health and wellbeing text' });
    await act('click into the chapter', () => editor.click());

    // Nine recommendations pasted from last year's Word document.
    await act('paste nine recommendations', () =>
      editor.evaluate((el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, NINE_RECOMMENDATIONS),
    );
    await expect.poll(() => editor.locator('.recommendation').count()).toBe(9);

    // The other region's download.
    await act('open Indicators', () => page.getByRole('button', { name: 'Indicators' }).click());
    await act('open Import data…', () => page.getByRole('button', { name: 'Import data…' }).click());
    const form = page.getByRole('form', { name: 'Import indicator data' });
    await act('choose the West Midlands file', () => form.getByLabel('CSV files to import').setInputFiles(WEST));
    await act('import it', () => form.getByRole('button', { name: 'Import', exact: true }).click());
    await form.getByText(/^(Imported|Read) \d+ values of 1 indicator/).waitFor();
    await act('close the import form', () => form.getByRole('button', { name: 'Close' }).click());

    // Five charts for Leicester.
    const browser = page.getByRole('complementary', { name: 'Indicators' });
    const figures = editor.locator('figure[data-type="chart"]');
    const pick = (name: RegExp) => act(`pick ${name.source}`, () => browser.getByRole('button', { name }).click());
    const insert = async (n: number) => {
      await act('insert the chart', () => browser.getByRole('button', { name: 'Insert chart into chapter' }).click());
      await expect.poll(() => figures.count()).toBe(n);
    };
    await pick(/Campylobacter incidence rate/);
    await act('choose Leicester', () => browser.getByLabel('Area', { exact: true }).selectOption(LEICESTER));
    await insert(1);
    await pick(/^School readiness/);
    await insert(2);
    await pick(/^Reception: prevalence of overweight/);
    await insert(3);
    await pick(/^Under-18s conception rate/);
    await insert(4);
    await pick(/^Hospital admissions as a result of self-harm/);
    await insert(5);
    await act('close Indicators', () => page.getByRole('button', { name: 'Close indicators' }).click());
    for (let i = 0; i < 5; i++) await expect.poll(() => figures.nth(i).locator('.chart-summary').innerText()).toContain('Leicester');

    // The register: the nine recommendations, one partner's list.
    await act('open the register', () => page.getByRole('button', { name: 'Recommendations register' }).click());
    await page.getByText('Showing 9 of 9 recommendations').waitFor();
    await act('show LA’s recommendations', () => page.getByLabel('Partner', { exact: true }).selectOption('LA'));
    await page.getByText('Showing 6 of 9 recommendations for LA').waitFor();
    await act('back to writing', () => page.getByRole('button', { name: 'Write' }).click());

    // HTML for the council website, PDF for the board.
    await act('open Export…', () => page.getByRole('button', { name: 'Export…' }).click());
    const dialog = page.getByRole('dialog', { name: 'Export this assessment' });
    await act('choose HTML', () => dialog.getByLabel(/Web page \(HTML\)/).check());
    await act('untick Open it when done', () => dialog.getByLabel('Open it when done').uncheck());
    const html = page.waitForEvent('download');
    await act('export HTML', () => dialog.getByRole('button', { name: 'Export and download' }).click());
    const htmlPath = join(dir, 'walkthrough.html');
    await (await html).saveAs(htmlPath);
    await act('choose PDF', () => dialog.getByLabel(/PDF for the board/).check());
    const pdf = page.waitForEvent('download');
    await act('export PDF', () => dialog.getByRole('button', { name: 'Export and download' }).click());
    const pdfPath = join(dir, 'walkthrough.pdf');
    await (await pdf).saveAs(pdfPath);
    await act('close the export dialog', () => dialog.getByRole('button', { name: 'Close' }).click());

    console.log(`New-analyst walkthrough: ${actions.length} UI actions (goal ≤ 40):\n  ${actions.map((a, i) => `${i + 1}. ${a}`).join('\n  ')}`);
    expect(actions.length).toBeLessThanOrEqual(40);

    // Nothing lost: five charts, each its own, all for Leicester; nine recommendations; both regions.
    await page.locator('[data-state="saved"]').waitFor();
    const list = (await dispatch('chapters.list', {}, { session: app.session })) as { id: string; title: string }[];
    const id = list.find((c) => c.title === 'Emotional health and wellbeing')!.id;
    const doc = ((await dispatch('chapters.get', { id }, { session: app.session })) as Chapter).doc.content ?? [];
    const charts = doc.filter((n: NodeJson) => n.type === 'chart');
    expect(charts.map((c) => c.attrs?.areaCode)).toEqual(Array(5).fill(LEICESTER));
    expect(new Set(charts.map((c) => c.attrs?.indicatorId)).size).toBe(5);
    expect(new Set(charts.map((c) => c.attrs?.id)).size).toBe(5);
    const register = (await dispatch('register.list', {}, { session: app.session })) as RegisterResult;
    expect(register.rows.filter((r) => r.chapterId === id && r.inDocument)).toHaveLength(9);
    for (const area of [LEICESTER, STOKE]) {
      const q = (await dispatch('library.query', { indicatorId: '93356', areaCodes: [area] }, { session: app.session })) as ChartData;
      expect(q.series[0]!.rows.filter((r) => r.value !== null), area).toHaveLength(3);
    }
    const exported = new JSDOM(readFileSync(htmlPath, 'utf8')).window.document;
    expect(exported.querySelectorAll('figure.chart-figure')).toHaveLength(5);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(app.consoleErrors).toEqual([]);
  });
});
