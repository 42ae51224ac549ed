import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject(): void | Promise<void>;
  openProject(): void | Promise<void>;
  closeProject(): void;
  /** Export as HTML, PDF or Word (the page shows progress and can cancel). */
  exportDocument(format: 'html' | 'pdf' | 'docx'): void;
}

export function buildMenu(actions: MenuActions): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => void actions.newProject() },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => void actions.openProject() },
        { label: 'Close Project', click: () => actions.closeProject() },
        { type: 'separator' },
        { label: 'Export as Web Page (HTML)…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportDocument('html') },
        { label: 'Export as PDF…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportDocument('pdf') },
        { label: 'Export as Word…', click: () => actions.exportDocument('docx') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
