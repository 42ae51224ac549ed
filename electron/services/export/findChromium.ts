import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';

/**
 * Finds a Chromium (or Chrome/Edge) to print PDFs with, outside Electron: the `render` CLI, browser
 * mode and the tests. JSNA_CHROMIUM (or CHROMIUM_PATH), when set, is the only candidate: a browser
 * named on purpose is never silently swapped for another. Otherwise the usual install paths.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const explicit = explicitChromium(env);
  if (explicit) return [explicit];
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((p): p is string => Boolean(p));
    return [
      ...roots.flatMap((r) => [
        join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(r, 'Chromium', 'Application', 'chrome.exe'),
        join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]),
    ];
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
  ];
}

/** The browser named by JSNA_CHROMIUM (or CHROMIUM_PATH), if either is set. */
export function explicitChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  return [env.JSNA_CHROMIUM, env.CHROMIUM_PATH].map((p) => p?.trim()).find((p): p is string => Boolean(p)) ?? null;
}

/** The first candidate that exists, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (p: string) => boolean = existsSync): string | null {
  return chromiumCandidates(env, platform).find((p) => exists(p)) ?? null;
}

const HOW_TO_GET_ONE =
  'Install one (Debian/Ubuntu: "sudo apt-get install -y chromium"; Windows/macOS: Google Chrome or Microsoft Edge), ' +
  'or set JSNA_CHROMIUM to the browser\'s executable. HTML export (--to html) needs no browser.';

export const NO_CHROMIUM_MESSAGE = `No Chromium, Chrome or Edge was found to print the PDF with. ${HOW_TO_GET_ONE}`;

/** The Chromium to use; a NOT_FOUND error that says how to get one when there is none. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (p: string) => boolean = existsSync): string {
  const found = findChromium(env, platform, exists);
  if (found) return found;
  const explicit = explicitChromium(env);
  if (explicit) {
    const name = env.JSNA_CHROMIUM?.trim() ? 'JSNA_CHROMIUM' : 'CHROMIUM_PATH';
    throw new AppError('NOT_FOUND', `${name} points at ${explicit}, which does not exist, so there is no browser to print the PDF with. Point it at an installed Chromium, Chrome or Edge, or unset it to use one installed in the usual place. ${HOW_TO_GET_ONE}`);
  }
  throw new AppError('NOT_FOUND', NO_CHROMIUM_MESSAGE);
}

/**
 * The flags every headless Chromium we start runs with (see DESIGN.md, "Testing here"). Chromium
 * refuses to start its sandbox as root (containers, CI), so only there is it turned off; the page we
 * print is our own sanitised, script-free HTML, and it is printed with JavaScript disabled.
 */
export function chromiumArgs(isRoot: boolean = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
  ];
}

/**
 * Chromium features turned off. Chromium takes only the last --disable-features it is given, and
 * ours comes after Playwright's own, so this repeats Playwright 1.65's list (mostly requests to
 * Google at start-up; a test checks that none of Playwright's is lost) and adds two of ours:
 * headless Chromium 13x+ preloads the address bar's drop-down (two WebUI pages) in a renderer of
 * its own at start-up, about a second of CPU that an export drawing its charts on both cores at the
 * same time would otherwise share with it.
 */
export const DISABLED_FEATURES = [
  // Playwright's (playwright-core chromiumSwitches).
  'AimEnabled', 'AvoidCorsURLLoaderRestartOnRedirect', 'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose',
  'HttpsFirstBalancedModeAutoEnable', 'HttpsUpgrades', 'LensOverlay', 'MediaRouter', 'NetworkTimeServiceQuerying', 'OptimizationHints',
  'PaintHolding', 'PreconnectToSearch', 'TcpPortRandomizationWin', 'ThirdPartyStoragePartitioning', 'msEdgeUpdateLaunchServicesPreferredVersion',
  'msForceBrowserSignIn',
  // Ours: the address bar's drop-down, which nothing printed has.
  'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup',
];
