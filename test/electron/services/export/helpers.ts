import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll } from 'vitest';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../../electron/services/export/findChromium';
import { stopWarmPrinter } from '../../../../electron/services/export/warmPrinter';
import { type Library, openLibrary } from '../../../../electron/services/library/openLibrary';
import { openProject, type Project } from '../../../../electron/services/project/project';
import { type AxeViolation, runAxe } from '../../../helpers/axe';
import { type SampleWorkspace, createSampleWorkspace } from '../../../../electron/services/sample/sampleWorkspace';

/** A fresh sample workspace (project + sample library) in `dir`. */
export function sampleWorkspace(dir: string): Promise<SampleWorkspace> {
  return createSampleWorkspace(dir);
}

/**
 * For a describe block printing PDFs: the sample project and library opened read-only, and a
 * private temp folder as TMPDIR (os.tmpdir() follows it), where each Chromium's profile is one
 * `jsna-print-` folder. After the block: the warm printer stopped, TMPDIR as it was, all removed.
 */
export function useSamplePrintFolder(prefix: string): { mine: string; project: () => Project; library: () => Library; profiles: () => string[] } {
  const mine = mkdtempSync(join(tmpdir(), prefix));
  const saved = process.env.TMPDIR;
  let project: Project | undefined;
  let library: Library | undefined;
  beforeAll(async () => {
    const ws = await sampleWorkspace(join(mine, 'ws'));
    project = openProject(ws.projectPath, { readOnly: true });
    library = openLibrary(ws.libraryPath, { readOnly: true });
    process.env.TMPDIR = mine;
  });
  afterAll(async () => {
    await stopWarmPrinter();
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    project?.close();
    library?.close();
    rmSync(mine, { recursive: true, force: true });
  });
  return { mine, project: () => project!, library: () => library!, profiles: () => readdirSync(mine).filter((f) => f.startsWith('jsna-print-')) };
}

/**
 * Everything in an exported file that could run or fetch: <script>, on…= handler attributes, javascript: URLs,
 * and resource URLs (src, srcset, xlink:href, href of anything but a link) that are not in-page or
 * data: — each as a short description. An empty list means the file is inert and self-contained.
 */
export function activeContent(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('<script');
  // Attributes, not text: a paragraph may well say "onerror=" or "javascript:" in words.
  const { document } = new JSDOM(html).window;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (/^on/i.test(attr)) problems.push(`handler ${attr}=`);
      if (/^\s*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i.test(value)) problems.push('javascript: URL');
      const isResource = attr === 'src' || attr === 'srcset' || attr === 'xlink:href' || attr === 'poster' || attr === 'data' || (attr === 'href' && el.localName !== 'a' && el.localName !== 'area');
      if (isResource && !value.startsWith('#') && !value.startsWith('data:')) problems.push(`<${el.localName} ${attr}="${value}">`);
    }
  }
  if (/@import|url\(\s*['"]?(?!data:)/i.test(html)) problems.push('CSS fetch');
  return problems;
}

export function count(html: string, re: RegExp): number {
  return [...html.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].length;
}

export type { AxeViolation };

/**
 * Runs axe-core in real Chromium on an exported HTML file, twice: as opened, and with every
 * <details> (the data tables) open, so the tables are checked too. The file's CSP forbids script,
 * so the page is opened with CSP bypassed for axe alone; nothing else runs in it.
 */
export async function axeInChromium(htmlPath: string): Promise<{ violations: AxeViolation[]; passes: number; checkedTables: number }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium for axe-core (apt-get install -y chromium, or set JSNA_CHROMIUM).');
  const profile = mkdtempSync(join(tmpdir(), 'jsna-axe-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, bypassCSP: true, offline: true, args: chromiumArgs() });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(htmlPath).href);
    const run = () => runAxe(page);
    const closed = await run();
    const checkedTables = await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      return document.querySelectorAll('details table').length;
    });
    const opened = await run();
    return { violations: [...closed.violations, ...opened.violations], passes: opened.passes, checkedTables };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A poppler tool's stdout (pdfinfo, pdftotext, pdfimages, pdftohtml). */
export function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Each page's text (pdftotext -layout), whitespace collapsed, in page order. */
export function pdfPages(pdfPath: string): string[] {
  const pages = poppler('pdftotext', '-layout', pdfPath, '-').split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((p) => p.replace(/\s+/g, ' ').trim());
}
