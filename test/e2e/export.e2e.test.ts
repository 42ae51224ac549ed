import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../electron/services/project/project';
import { createSampleWorkspace, SAMPLE_LIBRARY_FILE, SAMPLE_PROJECT_FILE } from '../../electron/services/sample/sampleWorkspace';
import { activeContent } from '../electron/services/export/helpers';
import { type BrowserMode, startBrowserMode } from './harness';

describe('E2E: exporting the sample from the app (browser mode)', () => {
  let app: BrowserMode;
  const dir = mkdtempSync(join(tmpdir(), 'jsna-e2e-export-'));

  beforeAll(async () => {
    const ws = await createSampleWorkspace(join(dir, 'ws'));
    app = await startBrowserMode((session) => session.setProject(openProject(ws.projectPath)));
  });
  afterAll(async () => {
    if (process.env.E2E_DEBUG) {
      await app?.page.screenshot({ path: '/tmp/e2e-export-debug.png', fullPage: true });
      console.log('CONSOLE', app?.consoleErrors);
    }
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Export… → HTML downloads one accessible file and opens it when done', { timeout: 60_000 }, async () => {
    const { page, context } = app;
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export this assessment' });
    await dialog.waitFor();
    await dialog.getByLabel(/Web page \(HTML\)/).check();
    expect(await dialog.getByLabel('Open it when done').isChecked()).toBe(true);

    const download = page.waitForEvent('download');
    const opened = context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Export and download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Children and young people JSNA (sample).html');
    const saved = join(dir, 'downloaded.html');
    await file.saveAs(saved);
    const html = readFileSync(saved, 'utf8');
    expect(activeContent(html)).toEqual([]);
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('figure.chart-figure')).toHaveLength(8);
    expect(doc.querySelectorAll('.chart-summary')).toHaveLength(8);
    expect(doc.querySelectorAll('details > table')).toHaveLength(8);

    // "Open when done": the exported page opens in a new tab, inert (its CSP allows no script).
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^blob:/);
    expect(await tab.locator('h1').innerText()).toBe('Children and young people JSNA (sample)');
    await tab.close();

    const done = dialog.locator('.export-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Exported 8 figures and 22 recommendations as a web page \(HTML\)/);
    await expect.poll(() => dialog.getByRole('link', { name: /Download .* again/ }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows progress while a PDF export runs, and cancels it', { timeout: 60_000 }, async () => {
    const { page } = app;
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export this assessment' });
    await dialog.getByLabel(/PDF for the board/).check();
    await dialog.getByRole('button', { name: 'Export and download' }).click();
    const progress = dialog.locator('progress');
    await progress.waitFor();
    // The form can't be changed while it runs; Cancel is offered instead of Close.
    expect(await dialog.getByLabel(/Web page \(HTML\)/).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Close' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel export' }).click();
    await dialog.getByText('Export cancelled. Nothing was saved.').waitFor();
    expect(await progress.count()).toBe(0);
    expect(downloads).toBe(0);

    // And then a PDF export runs to the end and downloads a PDF.
    await dialog.getByLabel('Open it when done').uncheck();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export and download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Children and young people JSNA (sample).pdf');
    const pdf = join(dir, 'downloaded.pdf');
    await file.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await dialog.locator('.export-done').innerText()).toMatch(/as a PDF/);
    // The second and third time, on the Chromium kept running since (as browser mode's server does): whole PDFs again.
    const pages = (path: string) => (readFileSync(path, 'latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    for (let round = 2; round <= 3; round++) {
      const again = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Export and download' }).click();
      const path = join(dir, `downloaded-${round}.pdf`);
      await (await again).saveAs(path);
      expect(pages(path)).toBe(pages(pdf));
      expect(readFileSync(path, 'latin1')).toMatch(/%jsna-sha256 [0-9a-f]{64}\nstartxref\n\d+\n%%EOF\n$/);
    }
  });

  it('Export… → Word downloads a Word file each time it is asked, three times, none opened in a tab', { timeout: 90_000 }, async () => {
    const { page, context } = app;
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    let tabs = 0;
    context.on('page', () => (tabs += 1));
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export this assessment' });
    await dialog.getByLabel(/Word for committee papers/).check();
    await dialog.getByLabel('Open it when done').check();
    for (let round = 1; round <= 3; round++) {
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Export and download' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('Children and young people JSNA (sample).docx');
      const saved = join(dir, `downloaded-${round}.docx`);
      await file.saveAs(saved);
      const parts = unzipSync(new Uint8Array(readFileSync(saved)));
      const xml = strFromU8(parts['word/document.xml']!);
      expect(xml.match(/<wp:docPr [^>]*descr="[^"]+"/g)).toHaveLength(8);
      expect(xml.match(/>SEQ Figure</g)).toHaveLength(8);
      expect(xml.match(/<w:tblHeader\/>/g)!.length).toBeGreaterThanOrEqual(8);
      expect(xml).not.toContain('jsna:');
      const done = dialog.locator('.export-done');
      await done.waitFor();
      expect(await done.innerText()).toMatch(/Exported 8 figures and 22 recommendations as a Word document/);
      expect(await done.innerText()).toMatch(/Open the downloaded file in Word/);
    }
    // A browser cannot show a Word file: "Open it when done" opens no tab (which would only download it again).
    expect(tabs).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('the app\'s File menu ("Export as Web Page (HTML)…") runs the same export in the page', { timeout: 60_000 }, async () => {
    const { page, session } = app;
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const download = page.waitForEvent('download');
    // electron/main's menu item emits exactly this event (see electron/main/index.ts).
    session.emit({ type: 'export-requested', format: 'html' });
    const file = await download;
    expect(file.suggestedFilename()).toBe('Children and young people JSNA (sample).html');
    const dialog = page.getByRole('dialog', { name: 'Export this assessment' });
    await dialog.locator('.export-done').waitFor();
    expect(await dialog.getByLabel(/Web page \(HTML\)/).isChecked()).toBe(true);
  });
});

describe('E2E: `npm run serve` opens the sample workspace on first run', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jsna-e2e-firstrun-'));
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the sample project and library in the data folder and serves it', { timeout: 60_000 }, async () => {
    const serve = resolve(__dirname, '..', '..', 'dist', 'electron', 'serve.cjs');
    expect(existsSync(serve), 'run "node scripts/build.mjs" first').toBe(true);
    child = spawn(process.execPath, [serve], { env: { ...process.env, JSNA_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((ok, fail) => {
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
        if (m) ok(m[1]!);
      });
      child!.on('exit', () => fail(new Error(`serve exited: ${out}`)));
    });
    expect(existsSync(join(dataDir, SAMPLE_PROJECT_FILE))).toBe(true);
    expect(existsSync(join(dataDir, SAMPLE_LIBRARY_FILE))).toBe(true);
    const token = new URL(url).hash.replace(/^#token=/, '');
    const info = await fetch(new URL('/rpc/project.current', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jsna-token': token },
      body: '{}',
    }).then((r) => r.json() as Promise<{ ok: boolean; result?: { title: string } }>);
    expect(info).toMatchObject({ ok: true, result: { title: 'Children and young people JSNA (sample)' } });
  });
});
