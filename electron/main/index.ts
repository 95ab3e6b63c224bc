// The composition root: everything Electron-specific lives here and in the few files it imports;
// the services behind the router run (and are tested) without Electron.
import { join } from 'node:path';
import { app, dialog, Menu, nativeTheme, type BrowserWindow } from 'electron';
import { SerialPort } from 'serialport';
import { resolveDataDir } from './data-dir';
import { findElectronSqliteBinding } from './db/native-binding';
import { bindRouterToIpcMain, forwardEventsToWindow } from './ipc/electron-ipc';
import { createSafeStorageProtector } from './crypto/safe-storage-protector';
import { createMainContext, type MainContext } from './main-context';
import { createElectronFilePicker } from './platform/electron-file-picker';
import { createElectronPrintView } from './platform/electron-print-view';
import { printViewReportPrinter } from './report/print-view-report-printer';
import { isAppUrl } from './security/app-url';
import { appMenuTemplate } from './security/app-menu';
import { createAppWindow } from './security/app-window';
import { rendererUrlFor } from './security/renderer-url';
import { listPorts } from './terminal/port/port-lister';
import { openSerialPort } from './terminal/port/serial-byte-port';
import { installAppWideSecurity } from './security/window-security';

// A packaged app ignores ELECTRON_RENDERER_URL (renderer-url.ts): the window always loads the built page.
const rendererUrl = rendererUrlFor(app.isPackaged, process.env, join(import.meta.dirname, '../renderer/index.html'));

let mainWindow: BrowserWindow | null = null;
let context: MainContext | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database; hand over to the first one instead.
  app.quit();
} else {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  app.setPath('userData', dataDir);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  installAppWideSecurity(() => rendererUrl);
  app.whenReady().then(() => start(dataDir)).catch((error: unknown) => fatal(error));
  app.on('window-all-closed', () => app.quit());
  // Orderly shutdown: close the terminal link, then the database (checkpointing the WAL), then quit.
  app.on('before-quit', (event) => {
    if (!context) return;
    event.preventDefault();
    const closing = context;
    context = null;
    closing
      .close()
      .catch((error: unknown) => console.error('Shutdown did not finish cleanly', error))
      .finally(() => app.quit());
  });
}

function start(dataDir: string): void {
  const nativeBinding = app.isPackaged
    ? undefined
    : findElectronSqliteBinding(app.getAppPath(), process.versions.electron, process.platform, process.arch);
  context = createMainContext({
    dataDir,
    appVersion: app.getVersion(),
    runtime: 'electron',
    nativeBinding,
    picker: createElectronFilePicker(() => mainWindow, join(dataDir, 'backups')),
    isTrustedSender: (sender) => isAppUrl(sender.url, rendererUrl),
    // The OS keychain when safeStorage has a real one; otherwise null, and the keys fall back to a
    // plain key file in the data directory, which the admin's Security card warns about.
    keyProtector: createSafeStorageProtector(),
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
    listSystemPorts: () => listPorts(() => SerialPort.list()),
    openPort: openSerialPort,
    // Service reports print in a hidden sandboxed window from the built print view (docs/service-report.md).
    reportPrinter: printViewReportPrinter(createElectronPrintView(rendererUrl)),
  });

  // Set before the window exists, so Electron's default menu (with DevTools) is never shown.
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform, locale: app.getLocale() })));
  mainWindow = createAppWindow(join(import.meta.dirname, '../preload/index.cjs'), nativeTheme.shouldUseDarkColors, { devTools: !app.isPackaged });
  const window = mainWindow;
  bindRouterToIpcMain(context.router, (event) => event.sender.id === window.webContents.id);
  forwardEventsToWindow(context.events, context.router, window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(rendererUrl);
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('RebindDesk cannot start', message);
  const closing = context;
  context = null;
  void (closing?.close() ?? Promise.resolve()).finally(() => app.exit(1));
}
