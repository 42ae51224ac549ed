import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../../electron/main/policy/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/services/security/contentSecurityPolicy';

const root = '/opt/jsna/dist/renderer';

describe('app:// protocol', () => {
  it('serves files of the renderer build', () => {
    expect(resolveAppRequest(root, 'app://jsna/')).toBe(`${root}/index.html`);
    expect(resolveAppRequest(root, 'app://jsna/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
  });
  it('refuses every way out of the renderer folder', () => {
    for (const url of [
      'app://jsna/%2e%2e/%2e%2e/etc/passwd',
      'app://jsna/..%2f..%2fetc%2fpasswd',
      'app://jsna/assets/..%5c..%5csecret.txt',
      'app://jsna/%00.js',
      'app://jsna/%E0%A4%A.js',
    ]) {
      const r = resolveAppRequest(root, url);
      expect(r === null || r.startsWith(`${root}/`), url).toBe(true);
    }
    expect(resolveAppRequest(root, 'app://jsna/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppRequest(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppRequest(root, 'https://jsna/index.html')).toBeNull();
  });
});

describe('Content-Security-Policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
  it("allows only the app's own scripts: no inline, no eval, no remote", () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
  it('defaults to nothing, and forbids framing, plugins and base tags', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
  });
});
