/**
 * Issue 14 (the publisher is the authority; spine chart; no invented precision) and issue 10 item 7
 * (the compare chart's comparison set), in real Chromium on the sample workspace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from '../../electron/services/export/documentHtml';
import { openLibrary } from '../../electron/services/library/openLibrary';
import { openProject } from '../../electron/services/project/project';
import { axeViolations } from './harness';
import { useSampleApp } from './sampleApp';

const CSV = join(__dirname, '..', '..', 'resources', 'sample', 'library', 'campylobacter-93356-county-ua-2015-17.csv');

/** The file's own "Compared to England" label for each area's 2017 all-ages value, by area name. */
function fileLabels(): Map<string, string> {
  const [header, ...rows] = parse(readFileSync(CSV, 'latin1'), { relax_column_count: true }) as string[][];
  const col = (name: string) => header!.indexOf(name);
  const labels = new Map<string, string>();
  for (const r of rows) {
    if (r[col('Time period')] === '2017' && r[col('Age')] === 'All ages' && r[col('Sex')] === 'Persons' && r[col('Category Type')] === '') {
      labels.set(r[col('Area Name')]!, r[col('Compared to England value or percentiles')]!);
    }
  }
  return labels;
}

async function drawn(figure: Locator) {
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(() => figure.getAttribute('data-chart-state'), { timeout: 20_000 }).toBe('drawn');
  await figure.locator('.chart-svg svg').first().waitFor();
}

async function tableOf(figure: Locator) {
  const table = figure.locator('details.chart-table table');
  const columns = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  return { columns, rows };
}

describe('E2E: comparisons as published, the spine chart and the comparison set', () => {
  const sample = useSampleApp('jsna-e2e-comparisons-');

  it('draws the spine chart for Leicester on screen: every indicator, the modelled estimate "not compared" in words, axe clean', { timeout: 90_000 }, async () => {
    const { app } = sample();
    const { page } = app;
    await page.getByRole('button', { name: 'Measuring progress', exact: true }).click();
    // Charts draw when scrolled into view: the sixth chart of the chapter is the spine chart.
    const spine = page.getByRole('textbox', { name: 'Measuring progress text' }).locator('figure[data-type="chart"]').nth(5);
    await drawn(spine);
    expect(await spine.locator('.chart-svg').getAttribute('aria-label')).toMatch(/^Area profile: Leicester/);
    const svg = (await spine.locator('.chart-svg svg').first().textContent()) ?? '';
    expect(svg).toContain('Campylobacter');
    expect(svg).toContain('Not compared');
    const summary = await spine.locator('.chart-summary').innerText();
    expect(summary).toMatch(/^Area profile of Leicester: 7 indicators/);
    expect(summary).toContain('modelled estimate: not compared with England');
    // Campylobacter: the file's own label for Leicester 2017.
    expect(summary).toMatch(/Campylobacter incidence rate\/100,000 \(2017\): 49\.7, significantly better than England\./);
    await spine.getByText('Data table').click();
    const { columns, rows } = await tableOf(spine);
    expect(columns).toEqual(expect.arrayContaining(['Compared with England', 'Comparison source', 'Recent trend']));
    const campy = rows.find((r) => r[0]!.startsWith('Campylobacter'))!;
    expect(campy[columns.indexOf('Compared with England')]).toBe(fileLabels().get('Leicester'));
    expect(campy[columns.indexOf('Comparison source')]).toBe('as published');
    const modelled = rows.find((r) => r[0]!.startsWith('Estimated prevalence of mental health'))!;
    expect(modelled[columns.indexOf('Compared with England')]).toBe('Not compared');
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('puts the spine chart in the HTML export with its data table, axe clean in Chromium', { timeout: 90_000 }, async () => {
    const { app, ws } = sample();
    const project = openProject(ws.projectPath, { readOnly: true });
    const library = openLibrary(ws.libraryPath, { readOnly: true });
    const { html } = await renderDocumentHtml(project, library);
    project.close();
    library.close();
    const page = await app.context.newPage();
    try {
      await page.setContent(html);
      const figure = page.locator('figure.chart-figure').filter({ hasText: 'Area profile: Leicester' });
      expect(await figure.count()).toBe(1);
      expect(await figure.locator('svg').count()).toBeGreaterThan(0);
      expect(await figure.locator('.chart-summary').innerText()).toContain('modelled estimate: not compared with England');
      const heads = await figure.locator('details > table thead th').allTextContents();
      expect(heads).toEqual(expect.arrayContaining(['Indicator', 'Compared with England', 'Comparison source', 'Recent trend']));
      expect(await figure.locator('details > table tbody tr').count()).toBe(7);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("draws a modelled estimate's chart with no whisker and says it is not compared", { timeout: 60_000 }, async () => {
    const { app } = sample();
    const { page } = app;
    await page.getByRole('button', { name: 'Measuring progress', exact: true }).click();
    // The third chart of the chapter: excess weight in Year 6, compare areas.
    const figure = page.getByRole('textbox', { name: 'Measuring progress text' }).locator('figure[data-type="chart"]').nth(2);
    await drawn(figure);
    expect(await figure.locator('.chart-svg').getAttribute('aria-label')).toMatch(/^Excess weight in Year 6/);
    await figure.getByRole('button', { name: 'Chart settings…' }).click();
    await figure.getByLabel('Indicator', { exact: true }).selectOption('ILLUS-MHP');
    await expect.poll(() => figure.locator('.chart-summary').innerText(), { timeout: 20_000 }).toContain('modelled estimate: not compared with England');
    const svg = (await figure.locator('.chart-svg svg').first().textContent()) ?? '';
    // No whisker is drawn, so none is named; every bar says "Not compared".
    expect(svg).not.toContain('confidence interval');
    expect(svg).toContain('Not compared');
    await figure.getByText('Data table').click();
    const { columns, rows } = await tableOf(figure);
    for (const r of rows) {
      expect(r[columns.indexOf('Lower 95% CI')]).toBe('not available');
      expect(r[columns.indexOf('Compared with England')]).toBe('Not compared');
    }
    expect(rows.length).toBeGreaterThan(1);
    await figure.getByRole('button', { name: 'Close settings' }).click();
    expect(app.consoleErrors).toEqual([]);
  });

  it('lets the author choose the comparison set: all areas in the region, then picked areas, then the region again; every word = the file’s label', { timeout: 90_000 }, async () => {
    const { app } = sample();
    const { page } = app;
    const labels = fileLabels();
    await page.getByRole('button', { name: 'About this sample', exact: true }).click();
    const figure = page.locator('figure[data-type="chart"]').first();
    await drawn(figure);
    await figure.getByRole('button', { name: 'Chart settings…' }).click();
    const neighbours = figure.getByRole('radio', { name: 'Statistical neighbours' });
    expect(await neighbours.isDisabled()).toBe(true);
    expect(await figure.getByText('the indicator library holds no statistical neighbours').count()).toBe(1);

    const checkWords = async (expected: string[]) => {
      await expect.poll(async () => (await tableOf(figure)).rows.map((r) => r[1]).sort(), { timeout: 20_000 }).toEqual([...expected].sort());
      const { columns, rows } = await tableOf(figure);
      const svg = (await figure.locator('.chart-svg svg').first().textContent()) ?? '';
      for (const r of rows) {
        const name = r[1]!;
        expect(r[columns.indexOf('Compared with England')], name).toBe(labels.get(name));
        expect(r[columns.indexOf('Comparison source')], name).toBe('as published');
        expect(svg).toContain(name);
      }
      // The words on the chart are the file's labels, and the summary says each in words.
      for (const label of new Set(rows.map((r) => r[columns.indexOf('Compared with England')]!))) expect(svg).toContain(label);
      const summary = await figure.locator('.chart-summary').innerText();
      expect(summary).toMatch(/^In 2017, the rate in Leicester was 49\.7 per 100,000 \(95% CI 42\.5 to 57\.6\), significantly better than England \(96\.6\)\./);
      // England is the benchmark line, not a bar.
      expect(svg).toContain('England: 96.6');
    };

    const region = ['Derby', 'Leicester', 'Rutland', 'Nottingham', 'Derbyshire', 'Leicestershire', 'Lincolnshire', 'Northamptonshire', 'Nottinghamshire'];
    await figure.getByRole('radio', { name: 'All areas in East Midlands region' }).check();
    await checkWords(region);
    // Sorted by value, highest first: Lincolnshire's label (the file says Worse) comes before Leicester's.
    const order = await figure.locator('.chart-svg svg').first().evaluate((svg) => [...svg.querySelectorAll('.role-axis-label text, g.mark-text.role-axis-label text')].map((t) => t.textContent));
    expect(order.indexOf('Leicester')).toBeGreaterThan(order.indexOf('Lincolnshire'));
    // The chosen area is in bold.
    const weight = await figure.locator('.chart-svg svg text', { hasText: /^Leicester$/ }).first().getAttribute('font-weight');
    expect(weight).toBe('bold');

    // Second change: areas I pick (two of them, at once).
    await figure.getByRole('radio', { name: 'Areas I pick' }).check();
    await figure.getByLabel(/^Areas \(Ctrl or Shift/).selectOption(['E06000018', 'E10000019']);
    await checkWords(['Leicester', 'Nottingham', 'Lincolnshire']);

    // Third change: back to the region.
    await figure.getByRole('radio', { name: 'All areas in East Midlands region' }).check();
    await checkWords(region);
    // The settings with the comparison-set picker open, and the chart after: axe clean.
    expect(await axeViolations(page)).toEqual([]);
    await figure.getByRole('button', { name: 'Close settings' }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
