import { BrowserWindow } from 'electron';

/** What differs between packaged and development builds. */
export interface AppWindowOptions {
  /** False in packaged builds: no DevTools whatever the menu or a shortcut asks. */
  devTools: boolean;
}

/**
 * Creates the app's window: isolated, sandboxed, no Node, no webview, middle-click (auxclick)
 * disabled, DevTools only when asked (development). The options are written out in the
 * constructor call, not built by a helper, because Electronegativity reads the source and can
 * only check options it sees there.
 */
export function createAppWindow(preload: string, dark: boolean, options: AppWindowOptions): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'RebindDesk',
    backgroundColor: dark ? '#18181c' : '#ffffff',
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: options.devTools,
      // A middle click would otherwise ask to open a link in a new window (denied anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
