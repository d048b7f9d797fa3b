import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  /** Shows a screen of the renderer, by the path of its route ('app:navigate'). */
  navigate(to: string): void
  openStore(): void
  newStore(): void
  /** Asks for a saved mail (.eml) and shows it on the import screen, read as a new case. */
  importEmail(): void
}

export function applicationMenu(actions: MenuActions, development: boolean): Menu {
  const navigate = (to: string) => () => actions.navigate(to)
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New case', accelerator: 'CmdOrCtrl+N', click: navigate('/cases/new') },
        { label: 'Import report from email…', accelerator: 'CmdOrCtrl+I', click: () => actions.importEmail() },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: navigate('/settings') },
        { type: 'separator' },
        { label: 'Open store…', accelerator: 'CmdOrCtrl+O', click: () => actions.openStore() },
        { label: 'New store…', click: () => actions.newStore() },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Today', accelerator: 'CmdOrCtrl+1', click: navigate('/today') },
        { label: 'Cases', accelerator: 'CmdOrCtrl+2', click: navigate('/cases') },
        { label: 'Calendar', accelerator: 'CmdOrCtrl+3', click: navigate('/calendar') },
        { label: 'Policies', accelerator: 'CmdOrCtrl+4', click: navigate('/policies') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(development ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ]
  return Menu.buildFromTemplate(template)
}
