import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../../../electron/services/export/exportDocument';
import { chromiumArgs, findChromium } from '../../../../electron/services/export/findChromium';
import { PDF_MARGINS_MM } from '../../../../electron/services/export/pdfOptions';
import { openLibrary } from '../../../../electron/services/library/openLibrary';
import { openProject } from '../../../../electron/services/project/project';
import { sampleWorkspace } from './helpers';

interface Page {
  goto(url: string): Promise<unknown>;
  emulateMedia(o: { media: 'print' }): Promise<void>;
  evaluate<T>(f: () => T): Promise<T>;
}
interface Browser {
  newPage(o: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}
const chromium = () => (createRequire(__filename)('playwright-core') as { chromium: { launch(o: object): Promise<Browser> } }).chromium;

describe('the printed document fits the page width', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-print-fit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Chromium shrinks every page of a print to fit its widest box: one data table wider than the
  // page made the whole PDF print at 86% (pages held 1.167× more than laid out).
  it.skipIf(!findChromium())('laid out for print at A4’s content width, nothing in the sample is wider than the page', { timeout: 60_000 }, async () => {
    const ws = await sampleWorkspace(join(dir, 'ws'));
    const project = openProject(ws.projectPath, { readOnly: true });
    const library = openLibrary(ws.libraryPath, { readOnly: true });
    const path = join(dir, 'sample.html');
    try {
      writeFileSync(path, (await exportDocument(project, library, { format: 'html' })).bytes);
    } finally {
      project.close();
      library.close();
    }
    const browser = await chromium().launch({ executablePath: findChromium()!, headless: true, args: chromiumArgs() });
    try {
      const widthPx = Math.floor(((210 - PDF_MARGINS_MM.left - PDF_MARGINS_MM.right) * 96) / 25.4);
      const page = await browser.newPage({ viewport: { width: widthPx, height: 1000 } });
      await page.goto(pathToFileURL(path).href);
      await page.emulateMedia({ media: 'print' });
      const wider = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > width + 0.5)
          .map((e) => `${e.localName}: ${(e.textContent ?? '').replace(/\s+/g, ' ').slice(0, 60)}`);
      });
      expect(wider).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('.chart-data table').length)).toBeGreaterThan(5);
    } finally {
      await browser.close();
    }
  });
});
