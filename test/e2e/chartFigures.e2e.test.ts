import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChapter, listChapters } from '../../electron/services/documents/chapters';
import { drawFigures, type DrawnFigure } from '../../electron/services/export/figures';
import { inThreadDrawer } from '../../electron/services/export/svgDrawer';
import { openLibrary } from '../../electron/services/library/openLibrary';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import type { DocJson } from '../../shared/api/chapters';
import { chartAttrsSchema, type ChartAttrs } from '../../shared/charts/definition';
import { type BrowserMode, startBrowserMode } from './harness';
import { useSampleApp } from './sampleApp';

/** What a chart says on screen: its accessible name (title + summary), summary, table and source line. */
async function onScreen(figure: Locator) {
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(() => figure.getAttribute('data-chart-state'), { timeout: 20_000 }).toBe('drawn');
  await figure.locator('.chart-svg svg').first().waitFor();
  const table = figure.locator('details.chart-table table');
  return {
    label: (await figure.locator('.chart-svg').getAttribute('aria-label')) ?? '',
    summary: await figure.locator('.chart-summary').innerText(),
    source: await figure.locator('.chart-source').innerText(),
    caption: await table.locator('caption').textContent(),
    columns: await table.locator('thead th').allTextContents(),
    rows: await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? ''))),
  };
}

interface NodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
}

function chartsOf(doc: DocJson): ChartAttrs[] {
  const out: ChartAttrs[] = [];
  const walk = (n: NodeJson) => {
    if (n.type === 'chart') out.push(chartAttrsSchema.parse(n.attrs ?? {}));
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc as unknown as NodeJson);
  return out;
}

describe('E2E: every chart of the sample says the same on screen (Chromium) as in the export (Node)', () => {
  const sample = useSampleApp('jsna-e2e-figures-');

  it('finds the same title, summary, table and source line for every chart kind', { timeout: 120_000 }, async () => {
    const { app, ws } = sample();
    const project = openProject(ws.projectPath, { readOnly: true });
    const library = openLibrary(ws.libraryPath, { readOnly: true });
    const chapters = listChapters(project).map((c) => ({ title: c.title, charts: chartsOf(getChapter(project, c.id).doc) }));
    project.close();
    const kinds = new Set<string>();
    const { page } = app;
    for (const chapter of chapters.filter((c) => c.charts.length > 0)) {
      const { figures } = await drawFigures(chapter.charts, library, { drawer: inThreadDrawer });
      await page.getByRole('button', { name: chapter.title, exact: true }).click();
      const shown = page.getByRole('textbox', { name: `${chapter.title} text` }).locator('figure[data-type="chart"]');
      await expect.poll(() => shown.count()).toBe(chapter.charts.length);
      for (const [i, f] of figures.entries()) {
        expect(f.ok, `${chapter.title} chart ${i + 1}`).toBe(true);
        const fig = f as DrawnFigure;
        kinds.add(fig.kind);
        const screen = await onScreen(shown.nth(i));
        expect(screen.label.startsWith(fig.title), `${screen.label} / ${fig.title}`).toBe(true);
        expect(screen.summary).toBe(fig.summary);
        expect(screen.source.startsWith(fig.source)).toBe(true);
        expect({ caption: screen.caption, columns: screen.columns, rows: screen.rows }).toEqual(fig.table);
      }
    }
    library.close();
    expect([...kinds].sort()).toEqual(['basket', 'compare', 'inequality', 'spine', 'trend']);
    expect(app.consoleErrors).toEqual([]);
  });
});

const fingertips = join(__dirname, '..', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');

/** The fixture as another indicator with only its 2017 rows: a single-period indicator. */
function singlePeriodFile(dir: string): string {
  // Records end with CRLF; names may hold a bare newline inside their quotes.
  const [header, ...lines] = readFileSync(fingertips, 'latin1').split('\r\n');
  const rows = lines.filter((l) => l.includes(',2017,')).map((l) => l.replace(/^93356,/, '99001,').replace('Campylobacter incidence rate/100,000', 'Single period test indicator'));
  const path = join(dir, 'single-period.csv');
  writeFileSync(path, [header, ...rows].join('\r\n'), 'latin1');
  return path;
}

/**
 * The fixture as an indicator without polarity, labelled as Fingertips labels one: Higher / Lower
 * where the real file says Worse / Better (constructed from the real rows, for the two blues).
 */
function noPolarityFile(dir: string): string {
  const [header, ...lines] = readFileSync(fingertips, 'latin1').split('\r\n');
  const rows = lines.map((l) =>
    l.replace(/^93356,/, '99002,').replace('Campylobacter incidence rate/100,000', 'No polarity test indicator').replace(/,Better(?=,)/g, ',Lower').replace(/,Worse(?=,)/g, ',Higher'),
  );
  const path = join(dir, 'no-polarity.csv');
  writeFileSync(path, [header, ...rows].join('\r\n'), 'latin1');
  return path;
}

async function insertFromBrowser(page: Page, search: string, name: RegExp) {
  await page.getByRole('button', { name: 'Indicators' }).click();
  await page.getByLabel('Search by name or ID').fill(search);
  await page.getByLabel('Area', { exact: true }).selectOption('E06000016');
  await page.getByRole('button', { name }).click();
  await page.getByText('Data vintage').waitFor();
  await page.getByRole('button', { name: 'Insert chart into chapter' }).click();
}

describe('E2E: charts that do not mislead (issue 10 items 3, 4, 5, 6, 8)', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-honest-'));
  const projectPath = join(dir, 'honest.jsna');

  beforeAll(async () => {
    const p = createProject(projectPath, 'Honest charts');
    p.setMeta('library_path', join(dir, 'library.jsnalib'));
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
    // The single-period indicator's vintage is older than the campylobacter one's.
    await dispatch('library.import', { paths: [singlePeriodFile(dir)] }, { session: app.session });
    await dispatch('library.import', { paths: [fingertips] }, { session: app.session });
    await dispatch('library.import', { paths: [noPolarityFile(dir)] }, { session: app.session });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a single-period indicator as compare areas, reviewed now, and names no line it does not draw (items 4, 5)', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByLabel('New chapter').fill('Charts');
    await page.getByRole('button', { name: 'Add chapter' }).click();
    await page.getByRole('textbox', { name: 'Charts text' }).click();
    await insertFromBrowser(page, 'Single period', /Single period test indicator/);
    const figure = page.locator('figure[data-type="chart"]').first();
    await expect.poll(() => figure.getAttribute('data-chart-state')).toBe('drawn');
    await figure.getByRole('button', { name: 'Chart settings…' }).click();
    expect(await figure.getByLabel('Kind of chart').inputValue()).toBe('compare');
    const svgText = (await figure.locator('.chart-svg svg').first().textContent()) ?? '';
    expect(svgText).not.toMatch(/Shaded band|Dashed black line/);
    expect(await figure.getByText('Newer data since last reviewed').count()).toBe(0);

    // Re-pointed at an indicator of a newer vintage: chosen now, so reviewed now (no badge).
    await figure.getByLabel('Indicator', { exact: true }).selectOption('93356');
    await expect.poll(async () => (await figure.locator('.chart-summary').innerText()).includes('Leicester')).toBe(true);
    await figure.getByLabel('Kind of chart').selectOption('trend');
    await expect.poll(async () => (await figure.locator('.chart-svg svg').first().textContent()) ?? '').toContain('2015');
    await page.waitForTimeout(500);
    expect(await figure.getByText('Newer data since last reviewed').count()).toBe(0);
  });

  it('keeps the indicator a basket was made from when another is ticked (item 6)', { timeout: 60_000 }, async () => {
    const { page } = app;
    const figure = page.locator('figure[data-type="chart"]').first();
    await figure.getByLabel('Kind of chart').selectOption('basket');
    const basket = figure.getByRole('group', { name: 'Indicators in the basket' });
    await expect.poll(() => basket.getByRole('checkbox', { name: /Campylobacter incidence rate/ }).isChecked()).toBe(true);
    await basket.getByRole('checkbox', { name: /Single period test indicator/ }).check();
    await expect.poll(() => figure.locator('.chart-summary').innerText()).toMatch(/^Of 2 indicators for Leicester/);
    expect(await basket.getByRole('checkbox', { name: /Campylobacter incidence rate/ }).isChecked()).toBe(true);
  });

  it('draws Higher and Lower in two blues with the words, and shows value notes in the data table (items 3, 8)', { timeout: 60_000 }, async () => {
    const { page } = app;
    const figure = page.locator('figure[data-type="chart"]').first();
    await figure.getByLabel('Kind of chart').selectOption('compare');
    // An indicator the file labels Higher / Lower (no polarity): the labels are shown as published.
    await figure.getByLabel('Indicator', { exact: true }).selectOption('99002');
    // Cornwall's value carries the note "Value for Cornwall & Isles of Scilly combined".
    await figure.getByLabel(/^Areas \(Ctrl or Shift/).selectOption(['E06000052', 'E06000017']);
    // Redrawn with the picked areas: Leicester Lower, Cornwall Higher (the file's labels).
    await expect.poll(async () => (await figure.locator('.chart-svg svg').first().textContent()) ?? '').toMatch(/Lower[\s\S]*Higher|Higher[\s\S]*Lower/);
    await expect.poll(async () => (await figure.locator('.chart-svg svg').first().textContent()) ?? '').toContain('Cornwall');
    const fills = await figure.locator('.chart-svg svg path').evaluateAll((ps) => ps.map((p) => (p.getAttribute('fill') ?? '').toUpperCase()));
    expect(fills).toContain('#BED2FF');
    expect(fills).toContain('#5555E6');
    const svgText = (await figure.locator('.chart-svg svg').first().textContent()) ?? '';
    expect(svgText).toContain('Higher');
    // The tooltip (vega's own, the container's title) names the value note too.
    const bars = figure.locator('.chart-svg svg g.mark-rect path');
    const tips: string[] = [];
    for (let i = 0; i < (await bars.count()); i += 1) {
      await bars.nth(i).hover({ force: true });
      tips.push((await figure.locator('.chart-svg').evaluate((el) => [el, ...el.querySelectorAll('*')].map((e) => e.getAttribute('title') ?? '').join(' '))) ?? '');
    }
    expect(tips.join('\n')).toContain('Value note: Value for Cornwall & Isles of Scilly combined');
    await figure.getByText('Data table').click();
    const table = figure.locator('details.chart-table table');
    expect(await table.locator('thead th').allTextContents()).toContain('Value note');
    expect(await table.locator('tbody').innerText()).toContain('Value for Cornwall & Isles of Scilly combined');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a chart compared with two areas keeps both when it becomes a trend: Compare with lists them, and only the person drops one', { timeout: 60_000 }, async () => {
    const { page } = app;
    const figure = page.locator('figure[data-type="chart"]').first();
    // From the test before: compare areas, Cornwall and Leicester's other picked area beside England.
    for (let round = 0; round < 2; round++) {
      await figure.getByLabel('Kind of chart').selectOption('trend');
      const several = figure.getByLabel(/^Compare with, besides England \(2; Ctrl or Shift/);
      await expect.poll(() => several.evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value).sort())).toEqual(['E06000017', 'E06000052']);
      await expect.poll(() => figure.getAttribute('data-chart-state')).toBe('drawn');
      await figure.getByLabel('Kind of chart').selectOption('compare');
      await expect.poll(() => figure.getByLabel(/^Areas \(Ctrl or Shift/).evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value).sort())).toEqual(['E06000017', 'E06000052']);
    }
    await figure.getByLabel('Kind of chart').selectOption('trend');
    // The person drops one: one line besides England, so the single choice comes back, showing it.
    await figure.getByLabel(/^Compare with, besides England/).selectOption(['E06000052']);
    await expect.poll(() => figure.getByLabel('Compare with', { exact: true }).inputValue()).toBe('E06000052');
    await figure.getByLabel('Kind of chart').selectOption('compare');
    await figure.getByLabel(/^Areas \(Ctrl or Shift/).selectOption(['E06000052', 'E06000017']);
    expect(app.consoleErrors).toEqual([]);
  });

  it('records every inserted chart as reviewed now, from the toolbar and from /chart too (item 5)', { timeout: 60_000 }, async () => {
    const { page } = app;
    const editor = page.getByRole('textbox', { name: 'Charts text' });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.getByRole('button', { name: 'Insert chart', exact: true }).click();
    await expect.poll(() => page.locator('figure[data-type="chart"]').count()).toBe(2);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/chart');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('figure[data-type="chart"]').count()).toBe(3);
    await page.locator('[data-state="saved"]').waitFor();
    await page.waitForTimeout(1500);
    await page.locator('[data-state="saved"]').waitFor();
    const p = openProject(projectPath, { readOnly: true });
    try {
      const chapter = listChapters(p).find((c) => c.title === 'Charts')!;
      const charts = chartsOf(getChapter(p, chapter.id).doc);
      expect(charts).toHaveLength(3);
      // The library's newest vintage: the no-polarity copy (the third file imported).
      for (const c of charts) expect(c.reviewedVintage).toBe(3);
    } finally {
      p.close();
    }
  });
});
