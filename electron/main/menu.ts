import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject(): void | Promise<void>;
  openProject(): void | Promise<void>;
  closeProject(): void;
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
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
