import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartData, IndicatorDetail } from '../../shared/api/library';
import { createProject, openProject } from '../../electron/services/project/project';
import { dispatch } from '../../electron/services/rpc/dispatch';
import { type BrowserMode, startBrowserMode } from './harness';

const fingertips = join(__dirname, '..', 'fixtures', 'fingertips', 'campylobacter-93356-county-ua-2015-17.csv');

describe('E2E: the indicator browser', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-library-'));
  const projectPath = join(dir, 'library.jsna');

  beforeAll(async () => {
    const p = createProject(projectPath, 'Library test');
    p.setMeta('library_path', join(dir, 'library.jsnalib'));
    p.close();
    app = await startBrowserMode((session) => session.setProject(openProject(projectPath)));
    await dispatch('library.import', { paths: [fingertips] }, { session: app.session });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows an indicator's metadata and lets the author edit it, polarity included", { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Indicators' }).click();
    await page.getByLabel('Search by name or ID').fill('93356');
    await page.getByRole('button', { name: /Campylobacter incidence rate/ }).click();
    const detail = page.locator('.indicator-detail');
    await page.getByText('Data vintage').waitFor();
    await expect.poll(() => detail.innerText()).toMatch(/Low is good \(inferred from the file's Better\/Worse labels\)/);
    expect(await detail.innerText()).toMatch(/Rate per N, per 100,000/);

    await page.getByRole('button', { name: 'Edit metadata' }).click();
    const form = page.getByRole('form', { name: /Edit metadata of Campylobacter/ });
    await form.getByLabel('Multiplier').fill('');
    await form.getByRole('button', { name: 'Save metadata' }).click();
    await form.getByRole('alert').getByText(/A rate needs a multiplier/).waitFor();
    await form.getByLabel('Multiplier').fill('100000');
    await form.getByLabel('Polarity').selectOption('high-is-good');
    await form.getByLabel('Definition').fill('Laboratory reports of Campylobacter per 100,000 residents.');
    await form.getByRole('button', { name: 'Save metadata' }).click();
    await expect.poll(() => detail.innerText()).toMatch(/High is good \(set by you\)/);
    expect(await detail.innerText()).toContain('Laboratory reports of Campylobacter per 100,000 residents.');

    const meta = ((await dispatch('library.indicator', { id: '93356' }, { session: app.session })) as IndicatorDetail).meta;
    expect(meta).toMatchObject({ polarity: 'high-is-good', polaritySource: 'author', definition: 'Laboratory reports of Campylobacter per 100,000 residents.', multiplier: 100000 });
    const rows = ((await dispatch('library.query', { indicatorId: '93356', areaCodes: ['E06000016'] }, { session: app.session })) as ChartData).series[0]!.rows;
    expect(rows[0]!.significance).toBe('Better'); // the file's own label: the source is the authority
    expect(app.consoleErrors).toEqual([]);
  });

  it('imports files typed by path, naming the file and line of a rejected one', { timeout: 60_000 }, async () => {
    const { page } = app;
    const bad = join(dir, 'survey-bad.csv');
    const good = join(dir, 'survey.csv');
    const header = 'indicator_id,indicator_name,area_code,area_name,period,value,count,denominator,unit';
    writeFileSync(bad, `${header}\nSCH-01,Pupils who feel safe (%),E06000016,Leicester,2023,80,800,1000,%\nSCH-01,Pupils who feel safe (%),E92000001,England,2023,eighty,,,%\n`);
    writeFileSync(good, `${header}\nSCH-01,Pupils who feel safe (%),E06000016,Leicester,2023,80,800,1000,%\nSCH-01,Pupils who feel safe (%),E92000001,England,2023,85,850,1000,%\n`);
    if (!(await page.getByRole('heading', { name: 'Indicators' }).isVisible())) await page.getByRole('button', { name: 'Indicators' }).click();
    await page.getByRole('button', { name: 'Import data…' }).click();
    const form = page.getByRole('form', { name: 'Import indicator data' });
    await form.getByLabel('Or their full paths, one a line').fill(bad);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toBe(`${bad}:3: column "value": "eighty" is not a number.`);

    await form.getByLabel('Or their full paths, one a line').fill(good);
    await form.getByLabel('File format').selectOption('tidy');
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await form.getByText('Imported 2 values of 1 indicator for 2 areas.').waitFor();
    await page.getByLabel('Search by name or ID').fill('SCH-01');
    await page.getByRole('button', { name: /Pupils who feel safe/ }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('imports files chosen in the page (sent to the local server), named as chosen, with their metadata', { timeout: 60_000 }, async () => {
    const { page } = app;
    const header = 'indicator_id,indicator_name,area_code,area_name,period,value,count,denominator,unit';
    const bad = join(dir, 'activity-bad.csv');
    const good = join(dir, 'activity.csv');
    const meta = join(dir, 'activity-metadata.csv');
    writeFileSync(bad, `${header}\nSCH-02,Pupils active daily (%),E06000016,Leicester,2023,45,450,1000,%\nSCH-02,Pupils active daily (%),E92000001,England,2023,,,\n"SCH-02,broken\n`);
    writeFileSync(good, `${header}\nSCH-02,Pupils active daily (%),E06000016,Leicester,2023,45,450,1000,%\nSCH-02,Pupils active daily (%),E92000001,England,2023,47,470,1000,%\n`);
    writeFileSync(meta, 'indicator_id,polarity,definition\nSCH-02,high-is-good,Pupils who say they are active for an hour every day.\n');
    if (!(await page.getByRole('heading', { name: 'Indicators' }).isVisible())) await page.getByRole('button', { name: 'Indicators' }).click();
    if (!(await page.getByRole('form', { name: 'Import indicator data' }).isVisible())) await page.getByRole('button', { name: 'Import data…' }).click();
    const form = page.getByRole('form', { name: 'Import indicator data' });

    await form.getByLabel('CSV files to import').setInputFiles(bad);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    // Named as the person chose it, not by where the server kept it.
    await expect.poll(() => form.getByRole('alert').innerText()).toMatch(/^activity-bad\.csv:4: a quoted field opens in this record and is never closed/);
    expect(app.session.uploads.waiting).toBe(0);

    await form.getByLabel('CSV files to import').setInputFiles(good);
    // The error was about the file chosen before: it goes when another is chosen.
    await form.getByRole('alert').waitFor({ state: 'detached' });
    await form.getByLabel('Metadata CSV (optional)').setInputFiles(meta);
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    await form.getByText('Imported 2 values of 1 indicator for 2 areas. Metadata set for 1 indicator.').waitFor();
    expect(app.session.uploads.waiting).toBe(0);
    const detail = (await dispatch('library.indicator', { id: 'SCH-02' }, { session: app.session })) as IndicatorDetail;
    expect(detail.meta).toMatchObject({ polarity: 'high-is-good', definition: 'Pupils who say they are active for an hour every day.' });
    expect(detail.vintages.map((v) => v.fileName)).toEqual(['activity.csv']);
    expect(app.consoleErrors).toEqual([]);
  });
});
