import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumCandidates, chromiumPath, findChromium, NO_CHROMIUM_MESSAGE } from '../../../../electron/services/export/findChromium';

const nothing = () => false;

describe('findChromium', () => {
  it('tries the usual install paths per platform, Debian\'s chromium first on Linux', () => {
    expect(chromiumCandidates({}, 'linux')[0]).toBe('/usr/bin/chromium');
    expect(chromiumCandidates({}, 'linux')).toContain('/usr/bin/google-chrome');
    expect(chromiumCandidates({}, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const win = chromiumCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32');
    expect(win.some((p) => p.endsWith('chrome.exe'))).toBe(true);
    expect(win.some((p) => p.endsWith('msedge.exe'))).toBe(true);
  });

  it('uses JSNA_CHROMIUM (or CHROMIUM_PATH) alone when set: a browser named on purpose is never swapped for another', () => {
    expect(chromiumCandidates({ JSNA_CHROMIUM: '/opt/c/chrome' }, 'linux')).toEqual(['/opt/c/chrome']);
    expect(chromiumCandidates({ CHROMIUM_PATH: '/opt/x' }, 'linux')).toEqual(['/opt/x']);
    expect(chromiumCandidates({ JSNA_CHROMIUM: '  ' }, 'linux')[0]).toBe('/usr/bin/chromium');
    const everything = () => true;
    expect(findChromium({ JSNA_CHROMIUM: '/opt/c/chrome' }, 'linux', everything)).toBe('/opt/c/chrome');
    expect(findChromium({ JSNA_CHROMIUM: '/missing' }, 'linux', (p) => p !== '/missing')).toBeNull();
    expect(findChromium({}, 'linux', (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
  });

  it('says how to get a browser when there is none, and what is wrong when JSNA_CHROMIUM points nowhere', () => {
    expect(() => chromiumPath({}, 'linux', nothing)).toThrow(NO_CHROMIUM_MESSAGE);
    expect(NO_CHROMIUM_MESSAGE).toMatch(/apt-get install -y chromium/);
    expect(NO_CHROMIUM_MESSAGE).toMatch(/set JSNA_CHROMIUM/);
    let err: { code?: string; message?: string } = {};
    try {
      chromiumPath({ JSNA_CHROMIUM: '/nowhere/chrome' }, 'linux', nothing);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toMatch(/^JSNA_CHROMIUM points at \/nowhere\/chrome, which does not exist/);
    expect(err.message).toMatch(/apt-get install -y chromium/);
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nowhere' }, 'linux', nothing)).toThrow(/^CHROMIUM_PATH points at \/nowhere/);
    expect(chromiumPath({}, 'linux', (p) => p === '/snap/bin/chromium')).toBe('/snap/bin/chromium');
  });

  it('turns Chromium\'s sandbox off only as root', () => {
    expect(chromiumArgs(true)).toContain('--no-sandbox');
    expect(chromiumArgs(false)).not.toContain('--no-sandbox');
    expect(chromiumArgs(false)).toContain('--disable-background-networking');
  });

  it.skipIf(!findChromium())('keeps every feature Playwright turns off (Chromium takes only the last --disable-features) and starts without the address bar’s drop-down', async () => {
    // --enable-automation: so Chromium tells its command line.
    const browser = await chromium.launch({ executablePath: findChromium()!, headless: true, args: [...chromiumArgs(), '--enable-automation'] });
    try {
      const cdp = await browser.newBrowserCDPSession();
      const { arguments: args } = (await cdp.send('Browser.getBrowserCommandLine')) as { arguments: string[] };
      const lists = args.filter((a) => a.startsWith('--disable-features=')).map((a) => a.slice('--disable-features='.length).split(','));
      expect(lists.length).toBe(2);
      const [playwrights, ours] = [lists[0]!, lists.at(-1)!];
      expect(ours).toEqual(expect.arrayContaining(playwrights));
      await browser.newContext().then((c) => c.newPage());
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
      expect(targetInfos.map((t) => t.url).filter((u) => u.includes('omnibox'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
