import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../electron/main/policy/senderValidation';

describe('IPC sender validation', () => {
  it("accepts only the app's own top-level page", () => {
    expect(isTrustedSender({ url: 'app://jsna/index.html', isMainFrame: true })).toBe(true);
  });
  it('refuses sub-frames, other origins and missing frames', () => {
    expect(isTrustedSender({ url: 'app://jsna/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/dist/renderer/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://x@jsna/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
