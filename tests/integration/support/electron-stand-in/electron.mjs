// A recording stand-in for the parts of Electron's main-process API that RebindDesk's composition
// root uses (app, BrowserWindow, ipcMain, Menu, dialog, safeStorage, nativeTheme, session). There
// is no Electron binary on the build machine, so the built main process runs under plain Node with
// this module in Electron's place. It records what main asks for, plays the app's life cycle (ready,
// one window, a few IPC calls as the window would make them, quit), and writes the record as JSON
// to STAND_IN_LOG when the process ends.
import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';

const record = {
  lifecycle: [],
  windows: [],
  menu: null,
  ipcChannels: [],
  loadedUrls: [],
  calls: {},
  navigation: {},
  session: { permissionRequestHandler: false, permissionCheckHandler: false, headersHook: false },
  errorBoxes: [],
  nativeLibraries: [],
};
const log = (what) => record.lifecycle.push(what);
const handlers = new Map();

function finish(code) {
  // Which native libraries the process loaded: proves which better-sqlite3 binding main opened.
  try {
    record.nativeLibraries = [...new Set(readFileSync('/proc/self/maps', 'utf8').split('\n').map((l) => l.split(/\s+/)[5]).filter((p) => p && p.endsWith('.node')))];
  } catch {
    record.nativeLibraries = ['(no /proc/self/maps)'];
  }
  record.exitCode = code;
  writeFileSync(process.env.STAND_IN_LOG, JSON.stringify(record, null, 2));
  process.exit(code);
}

class WebContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.sent = [];
  }
  setWindowOpenHandler(handler) {
    record.navigation.windowOpen = handler({ url: 'https://example.com/' });
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return false;
  }
}

let nextId = 1;
class BrowserWindowStandIn extends EventEmitter {
  constructor(options) {
    super();
    record.windows.push(options);
    log('window-created');
    this.webContents = new WebContents(nextId++);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record.loadedUrls.push(url);
    log('load-url');
    // The page is "loaded": the window calls main as the renderer would, then the user quits.
    setImmediate(() => void behaveLikeTheWindow(this, url));
    return Promise.resolve();
  }
  show() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  focus() {}
  restore() {}
}

async function behaveLikeTheWindow(window, url) {
  const call = async (channel, input, sender) => {
    const handler = handlers.get(channel);
    if (!handler) return { missing: channel };
    return handler({ sender, senderFrame: { url: sender.url } }, input);
  };
  const own = { id: window.webContents.id, url };
  record.calls.appInfo = await call('app:info', {}, own);
  record.calls.needsFirstAdmin = await call('auth:needs-first-admin', {}, own);
  record.calls.fromOtherContents = await call('app:info', {}, { id: 999, url });
  record.calls.fromOtherHost = await call('app:info', {}, { id: window.webContents.id, url: url.replace('file:///', 'file://evil-host/') });
  const navigate = (target) => {
    let prevented = false;
    window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, target);
    return prevented;
  };
  record.navigation.evilHostPrevented = navigate(url.replace('file:///', 'file://evil-host/'));
  record.navigation.ownPagePrevented = navigate(`${url}#/settings`);
  app.quit();
}

let quitting = 0;
export const app = Object.assign(new EventEmitter(), {
  isPackaged: process.env.STAND_IN_PACKAGED === '1',
  requestSingleInstanceLock: () => true,
  getPath: (name) => (name === 'userData' ? process.env.STAND_IN_USER_DATA : `/nonexistent/${name}`),
  setPath: (name, path) => log(`set-path ${name} ${path}`),
  getVersion: () => '0.0.0-stand-in',
  getAppPath: () => process.env.STAND_IN_APP_PATH,
  getLocale: () => process.env.STAND_IN_LOCALE ?? 'zh-CN',
  whenReady: () => {
    log('when-ready');
    return new Promise((resolve) => setImmediate(() => (log('ready'), resolve())));
  },
  quit: () => {
    quitting++;
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    log(prevented ? `before-quit ${quitting}: prevented` : `before-quit ${quitting}: quit`);
    if (!prevented) finish(0);
  },
  exit: (code) => {
    log(`exit ${code}`);
    finish(code);
  },
});

export const BrowserWindow = BrowserWindowStandIn;

export const ipcMain = {
  handle: (channel, handler) => {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
    record.ipcChannels.push(channel);
  },
  removeHandler: (channel) => handlers.delete(channel),
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => {
    record.menu = menu?.template ?? null;
    log('menu-set');
  },
};

export const dialog = {
  showErrorBox: (title, content) => record.errorBoxes.push({ title, content }),
  showSaveDialog: async () => ({ canceled: true }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};

// A reversible stand-in: there is no OS keychain here. It only lets the keyring path run.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`stand-in:${text}`, 'utf8'),
  decryptString: (buffer) => Buffer.from(buffer).toString('utf8').replace(/^stand-in:/, ''),
};

export const nativeTheme = { shouldUseDarkColors: false };

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => (record.session.permissionRequestHandler = true),
    setPermissionCheckHandler: () => (record.session.permissionCheckHandler = true),
    webRequest: { onHeadersReceived: () => (record.session.headersHook = true) },
  },
};

export default { app, BrowserWindow, ipcMain, Menu, dialog, safeStorage, nativeTheme, session };
