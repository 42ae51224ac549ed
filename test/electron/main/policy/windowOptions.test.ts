import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../../electron/main/policy/windowOptions';

describe('BrowserWindow options', () => {
  const { webPreferences: w } = windowOptions('/app/dist/electron/preload.cjs');
  it('isolates and sandboxes the renderer with no Node', () => {
    expect(w.contextIsolation).toBe(true);
    expect(w.sandbox).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.nodeIntegrationInWorker).toBe(false);
    expect(w.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on, with no webview and no insecure content', () => {
    expect(w.webviewTag).toBe(false);
    expect(w.webSecurity).toBe(true);
    expect(w.allowRunningInsecureContent).toBe(false);
    expect(w.experimentalFeatures).toBe(false);
    expect(w.navigateOnDragDrop).toBe(false);
  });
  it('uses the bundled preload', () => {
    expect(w.preload).toBe('/app/dist/electron/preload.cjs');
  });
});
