import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen } from '../../../../electron/main/policy/navigation';
import { decidePermission } from '../../../../electron/main/policy/permissions';

describe('navigation, new windows and permissions', () => {
  it('lets the app reload itself and nothing else navigate the window', () => {
    expect(decideNavigation('app://jsna/index.html')).toBe('allow');
    expect(decideNavigation('app://jsna/')).toBe('allow');
    expect(decideNavigation('app://evil/index.html')).toBe('deny');
    expect(decideNavigation('file:///etc/passwd')).toBe('deny');
    expect(decideNavigation('javascript:alert(1)')).toBe('deny');
    expect(decideNavigation('data:text/html,<script>1</script>')).toBe('deny');
    expect(decideNavigation('not a url')).toBe('deny');
  });
  it('sends http(s) links to the system browser instead of navigating', () => {
    expect(decideNavigation('https://fingertips.phe.org.uk/profile/child-health')).toBe('open-external');
    expect(decideNavigation('http://example.org/')).toBe('open-external');
    expect(decideNavigation('https://user:pass@example.org/')).toBe('deny');
  });
  it('never opens a new app window', () => {
    expect(decideWindowOpen('https://www.gov.uk/')).toBe('open-external');
    expect(decideWindowOpen('app://jsna/index.html')).toBe('deny');
    expect(decideWindowOpen('file:///C:/Windows/System32/calc.exe')).toBe('deny');
    expect(decideWindowOpen('smb://server/share')).toBe('deny');
  });
  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'anything']) {
      expect(decidePermission(p)).toBe(false);
    }
  });
});
