import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  /** app.isPackaged: packaged builds get no DevTools and no reload. */
  packaged: boolean;
  platform: NodeJS.Platform;
  /** app.getLocale(); Chinese unless the system speaks English, like the UI's default language. */
  locale: string;
}

const labels = {
  'zh-CN': { app: 'RebindDesk', file: '文件', edit: '编辑', view: '视图', window: '窗口', develop: '开发' },
  'en-US': { app: 'RebindDesk', file: 'File', edit: 'Edit', view: 'View', window: 'Window', develop: 'Develop' },
} as const;

/**
 * The application menu. Without one, Electron installs its default menu, whose View menu opens
 * DevTools (Ctrl+Shift+I) and reloads the page — in a packaged app a console into the trusted
 * renderer and its IPC bridge. So every submenu is written out here (no `viewMenu` role, whose
 * default holds toggleDevTools), and the development-only items are added only when not packaged.
 */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const text = options.locale.toLowerCase().startsWith('en') ? labels['en-US'] : labels['zh-CN'];
  const mac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }];
  const menu: MenuItemConstructorOptions[] = [
    ...(mac ? [{ label: text.app, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions] : []),
    { label: text.file, submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: text.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: text.view, submenu: view },
    { label: text.window, submenu: [{ role: 'minimize' }, ...(mac ? [{ role: 'zoom' } as const] : []), { role: 'close' }] },
  ];
  if (!options.packaged) {
    menu.push({ label: text.develop, submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] });
  }
  return menu;
}
