// Item 7: Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// each applicable item asserted here or in the policy tests named in RELIABILITY.md. The pure
// policies are called; the wiring in electron/main (which imports 'electron' and cannot run without
// its binary) is checked in its source; the preload runs against a stand-in 'electron' module.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { printWindowOptions } from '../../../electron/main/policy/exportWindow';
import { decideNavigation, decideWindowOpen, isExternalWebLink } from '../../../electron/main/policy/navigation';
import { decidePermission } from '../../../electron/main/policy/permissions';
import { isTrustedSender } from '../../../electron/main/policy/senderValidation';
import { SECURE_WEB_PREFERENCES, windowOptions } from '../../../electron/main/policy/windowOptions';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/security/contentSecurityPolicy';
import { methodNames } from '../../../shared/api/methodNames';
import { reportFigure } from '../figures';

const root = resolve(__dirname, '..', '..', '..');
const source = (p: string) => readFileSync(join(root, p), 'utf8');
const results: Record<string, boolean> = {};
const item = (name: string, fn: () => void | Promise<void>) =>
  it(name, async () => {
    results[name] = false;
    await fn();
    results[name] = true;
  });

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, result: null }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
  webUtils: { getPathForFile: () => '/x' },
}));

describe('Electron security checklist', () => {
  beforeAll(async () => {
    await import('../../../electron/preload');
  });

  item('2/3/4 sandbox, context isolation, no Node integration, no webview, web security on (window options)', () => {
    const w = windowOptions('/p.cjs').webPreferences;
    expect(w).toMatchObject({ ...SECURE_WEB_PREFERENCES, experimentalFeatures: false, navigateOnDragDrop: false });
    expect(printWindowOptions().webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
    // Every BrowserWindow in electron/main takes these preferences.
    for (const file of ['electron/main/index.ts', 'electron/main/exportPdf.ts']) {
      for (const m of source(file).matchAll(/new BrowserWindow\(([^;]*)\)/g)) expect(m[1]).toMatch(/^(windowOptions|printWindowOptions)\(/);
    }
  });

  item('7 a strict CSP: no inline or eval script, nothing by default, no plugins, no base or frame tricks', () => {
    const d = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((s) => s.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    // Sent with every app:// response (the browser-mode server's headers are tested in rpcServer.test.ts).
    expect(source('electron/main/index.ts')).toMatch(/protocol\.handle\(APP_SCHEME[\s\S]*securityHeaders\(\)/);
  });

  item('8/9 no insecure content, no experimental features (window options)', () => {
    const w = windowOptions('/p.cjs').webPreferences;
    expect(w.allowRunningInsecureContent).toBe(false);
    expect(w.experimentalFeatures).toBe(false);
  });

  item('5 permission requests and checks are all denied, and both handlers are installed', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb']) expect(decidePermission(p)).toBe(false);
    const main = source('electron/main/index.ts');
    expect(main).toContain('ses.setPermissionRequestHandler((_wc, permission, callback) => callback(decidePermission(permission)));');
    expect(main).toContain('ses.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));');
  });

  item('12 navigation is limited to the app; 13 new windows are denied', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'jsna-evil://x', 'chrome://settings', 'about:blank']) {
      expect(decideNavigation(url)).toBe('deny');
      expect(decideWindowOpen(url)).toBe('deny');
    }
    expect(decideWindowOpen('https://fingertips.phe.org.uk/')).toBe('open-external');
    const main = source('electron/main/index.ts');
    expect(main).toMatch(/on\('will-navigate'[\s\S]*?if \(decision !== 'allow'\) event\.preventDefault\(\)/);
    expect(main).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \}/);
    expect(main).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
  });

  item('14 shell.openExternal only for http(s) links, never with credentials or other schemes', () => {
    for (const url of ['http://x.example/', 'https://x.example/a?b']) expect(isExternalWebLink(url)).toBe(true);
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'smb://host/share', 'ms-msdt:/id PCWDiagnostic', 'javascript:alert(1)', 'https://user:pw@x.example/', 'vbscript:x', '\\\\host\\share']) expect(isExternalWebLink(url)).toBe(false);
    // Every openExternal in the main process sits behind a navigation decision of 'open-external'.
    let calls = 0;
    for (const file of ['electron/main/index.ts', 'electron/main/exportPdf.ts', 'electron/main/menu.ts', 'electron/main/ipc.ts']) {
      for (const line of source(file).split('\n')) {
        if (!line.includes('openExternal(')) continue;
        calls++;
        expect(line).toMatch(/(decision === 'open-external'|decideWindowOpen\(url\) === 'open-external')\) void shell\.openExternal\(url\)/);
      }
    }
    expect(calls).toBeGreaterThan(0);
  });

  item('17 IPC sender validation: only the app top frame, before dispatch', () => {
    expect(isTrustedSender({ url: 'app://jsna/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    const ipc = source('electron/main/ipc.ts');
    expect(ipc.indexOf('isTrustedSender(')).toBeGreaterThan(0);
    expect(ipc.indexOf('isTrustedSender(')).toBeLessThan(ipc.indexOf('dispatchEnvelope('));
  });

  item('20 the preload exposes one narrow object, never ipcRenderer itself or a channel of the page’s choosing', async () => {
    expect(Object.keys(exposed)).toEqual(['jsnaBridge']);
    const bridge = exposed.jsnaBridge as { methods: Record<string, (i: unknown) => Promise<unknown>>; onEvent: unknown; pathForFile: unknown };
    expect(Object.keys(bridge).sort()).toEqual(['methods', 'onEvent', 'pathForFile']);
    expect(Object.keys(bridge.methods).sort()).toEqual([...methodNames].sort());
    const seen = new Set<unknown>();
    const walk = (v: unknown) => {
      if (v && typeof v === 'object' && !seen.has(v)) {
        seen.add(v);
        expect(v).not.toHaveProperty('invoke');
        expect(v).not.toHaveProperty('send');
        Object.values(v).forEach(walk);
      }
    };
    walk(bridge);
    await bridge.methods['project.current']!({});
    expect(invoke).toHaveBeenLastCalledWith('jsna:rpc', 'project.current', {}, undefined);
    expect(source('electron/preload.ts')).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\(/);
  });

  item('fuses set in packaging: no run-as-node, no NODE_OPTIONS, no inspect, asar integrity, app only from asar', () => {
    // A small reader for the one block (no YAML parser among the project's own dependencies).
    const text = source('electron-builder.yml');
    expect(text).toMatch(/^asar: true$/m);
    const block = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(text)?.[1] ?? '';
    const fuses = Object.fromEntries([...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1]!, m[2] === 'true']));
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  item('1/6/10/11 only local content over a custom app:// scheme, no remote code, no file:// privileges', () => {
    const main = source('electron/main/index.ts');
    expect(main).toMatch(/loadURL\(APP_ENTRY_URL\)/);
    expect(main).not.toMatch(/loadURL\(['"`]https?:|loadFile\(/);
    expect(main).not.toMatch(/registerFileProtocol|interceptFileProtocol/);
  });

  it('the app menu offers the one-click restore for a damaged project (DAMAGED with a backup → project.restoreBackup)', () => {
    expect(source('electron/main/index.ts')).toMatch(/err\.code === 'DAMAGED' && err\.details\?\.backup[\s\S]*?buttons: \['Restore backup', 'Cancel'\][\s\S]*?dispatch\('project\.restoreBackup', \{ path \}/);
  });

  it('prints its figure', () => {
    const names = Object.keys(results);
    reportFigure('Electron checklist', { tried: names.length, failed: names.filter((n) => !results[n]).length, lost: 0 });
    expect(names.filter((n) => !results[n])).toEqual([]);
  });
});
