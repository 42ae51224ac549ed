import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session as electronSession, shell } from 'electron';
import { setNativeBinding } from '../services/db/nativeBinding';
import { resolveBaseUrl } from '../services/fingertips/baseUrl';
import { useSystemProxy } from '../services/fingertips/proxy';
import { recentProjectsFile, userDataDir } from '../services/paths';
import { openProject } from '../services/project/project';
import { dispatch } from '../services/rpc/dispatch';
import { Session } from '../services/rpc/session';
import { createSampleWorkspace } from '../services/sample/sampleWorkspace';
import { securityHeaders } from '../services/security/contentSecurityPolicy';
import { registerIpc } from './ipc';
import { registerExportHost } from './exportPdf';
import { buildMenu } from './menu';
import { registerProjectDialogs } from './projectDialogs';
import { chosenProjectPath, projectDialogRequest } from './policy/projectDialogs';
import { electronNativeBinding } from './nativeBindingPath';
import { APP_ENTRY_URL, APP_SCHEME } from './policy/appOrigin';
import { resolveAppRequest } from './policy/appProtocol';
import { decideNavigation, decideWindowOpen } from './policy/navigation';
import { decidePermission } from './policy/permissions';
import { CLOSE_RETRY_MS, decideUnsavedClose } from './policy/unsavedClose';
import { windowOptions } from './policy/windowOptions';

const appRoot = resolve(__dirname, '..', '..');
const rendererDir = join(appRoot, 'dist', 'renderer');
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json' };

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
setNativeBinding(electronNativeBinding(appRoot, process.resourcesPath));

const session = new Session({ recentFile: recentProjectsFile() });
let win: BrowserWindow | null = null;

async function openFirstProject() {
  const requested = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.jsna'));
  try {
    // No project named: the sample workspace (project + its indicator library), made on first run.
    const path = requested ?? (await createSampleWorkspace(userDataDir())).projectPath;
    session.setProject(openProject(path));
  } catch (e) {
    dialog.showErrorBox('Could not open the project', (e as Error).message);
  }
}

async function createWindow() {
  win = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs')));
  win.webContents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url);
    if (decision !== 'allow') event.preventDefault();
    if (decision === 'open-external') void shell.openExternal(url);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') void shell.openExternal(url);
    return { action: 'deny' };
  });
  let closeAttempts = 0;
  win.webContents.on('will-prevent-unload', (event) => {
    if (decideUnsavedClose(++closeAttempts) === 'retry') {
      setTimeout(() => win?.close(), CLOSE_RETRY_MS);
      return;
    }
    closeAttempts = 0;
    const choice = dialog.showMessageBoxSync(win!, {
      type: 'warning',
      buttons: ['Keep editing', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'Your latest changes could not be saved.',
      detail: 'JSNA Studio keeps trying to save them. If you close now, the changes since the last save are lost.',
    });
    if (choice === 1) event.preventDefault(); // overrides the page's hold: the window closes
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  await win.loadURL(APP_ENTRY_URL);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(decidePermission(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', ...securityHeaders() } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  // Council networks reach Fingertips through a proxy: the system's, unless HTTPS_PROXY/HTTP_PROXY say otherwise.
  await ses
    .resolveProxy(resolveBaseUrl(null))
    .then((answer) => useSystemProxy(answer))
    .catch(() => null);

  registerIpc(session, () => win?.webContents ?? null);
  registerExportHost(session, () => win);
  registerProjectDialogs(session, () => win);
  Menu.setApplicationMenu(
    buildMenu({
      newProject: async () => {
        const req = projectDialogRequest('create');
        if (req.kind !== 'save') return;
        const path = chosenProjectPath('create', await dialog.showSaveDialog(req.options));
        if (!path) return;
        const title = path.replace(/^.*[\\/]/, '').replace(/\.jsna$/i, '');
        await dispatch('project.create', { path, title }, { session }).catch((e: Error) => dialog.showErrorBox('Could not create the project', e.message));
      },
      openProject: async () => {
        const req = projectDialogRequest('open');
        if (req.kind !== 'open') return;
        const path = chosenProjectPath('open', await dialog.showOpenDialog(req.options));
        if (!path) return;
        try {
          await dispatch('project.open', { path }, { session });
        } catch (e) {
          const err = e as { code?: string; message: string; details?: { backup?: unknown } };
          if (err.code === 'DAMAGED' && err.details?.backup) {
            // A damaged file: the message names it and the latest verified backup; one click restores it (the damaged file is kept).
            const choice = await dialog.showMessageBox({ type: 'error', message: err.message, buttons: ['Restore backup', 'Cancel'], defaultId: 0, cancelId: 1 });
            if (choice.response === 0) await dispatch('project.restoreBackup', { path }, { session }).catch((r: Error) => dialog.showErrorBox('Could not restore the backup', r.message));
            return;
          }
          if (err.code !== 'LOCKED') return dialog.showErrorBox('Could not open the project', err.message);
          const choice = await dialog.showMessageBox({ type: 'warning', message: err.message, buttons: ['Open read-only', 'Cancel'], defaultId: 0, cancelId: 1 });
          if (choice.response === 0) await dispatch('project.open', { path, readOnly: true }, { session });
        }
      },
      closeProject: () => void dispatch('project.close', {}, { session }),
      // The page runs it (progress, cancel, "open when done"); the save dialog and printToPDF are registerExportHost's.
      exportDocument: (format) => session.emit({ type: 'export-requested', format }),
    }),
  );
  await openFirstProject();
  await createWindow();
});

app.on('window-all-closed', () => {
  session.close();
  app.quit();
});
