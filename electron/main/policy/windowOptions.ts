/** Every window's baseline (the app's and the hidden print window's): isolated, sandboxed, no Node, no webview. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
} as const;

/**
 * The BrowserWindow options, as a pure function so a unit test can hold every security decision
 * to account (Electron's security checklist): isolated, sandboxed, no Node, no webview.
 */
export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: {
    preload: string;
  } & typeof SECURE_WEB_PREFERENCES & {
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    spellcheck: boolean;
  };
}

export function windowOptions(preloadPath: string): SecureWindowOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'JSNA Studio',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      ...SECURE_WEB_PREFERENCES,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
