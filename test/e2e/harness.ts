import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from '../../electron/services/export/findChromium';
import { stopWarmPrinter } from '../../electron/services/export/warmPrinter';
import { type RpcServer, startRpcServer } from '../../electron/services/http/rpcServer';
import { Session, type SessionOptions } from '../../electron/services/rpc/session';
import { runAxe } from '../helpers/axe';

const root = resolve(__dirname, '..', '..');
export const rendererDir = join(root, 'dist', 'renderer');

/** Debian's Chromium by default; JSNA_CHROMIUM (or CHROMIUM_PATH) points elsewhere. Same finder as the `render` CLI. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) {
    throw new Error('No Chromium found for the E2E tests. Install it (Debian: apt-get install -y chromium) or set JSNA_CHROMIUM to its path.');
  }
  return found;
}

export interface BrowserMode {
  session: Session;
  server: RpcServer;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Starts browser mode in-process on the real renderer build and opens it in real Chromium. */
export async function startBrowserMode(setup?: (session: Session) => void, sessionOptions: SessionOptions = {}): Promise<BrowserMode> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}). Run "npm run build" (npm test does this first).`);
  }
  // As `npm run serve` does: the print Chromium stays running between PDF exports.
  const session = new Session({ keepPrinterWarm: true, ...sessionOptions });
  setup?.(session);
  const server = await startRpcServer({ session, staticDir: rendererDir });
  const profile = mkdtempSync(join(tmpdir(), 'jsna-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    // Failed loads are reported with their URL by the response listener below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(server.url);
  return {
    session,
    server,
    context,
    page,
    consoleErrors,
    async close() {
      await context.close();
      await server.close();
      session.close();
      await stopWarmPrinter();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** axe-core's WCAG 2.2 A/AA violations on the page as it is now, one line each: "rule: selector, …". */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await runAxe(page)).violations.map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
