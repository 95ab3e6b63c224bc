// The composition root (electron/main/index.ts) as built, started and stopped.
//
// STAND-IN, and why: there is no Electron binary on the build machine (it cannot be downloaded
// here), so the built `out/main/index.js` runs under plain Node with a recording stand-in for the
// `electron` module (tests/integration/support/electron-stand-in/: a resolve hook answers
// `import 'electron'` with fakes of app, BrowserWindow, ipcMain, Menu, dialog, safeStorage,
// nativeTheme and session). Everything else is real: the electron-vite build, the router and
// services, the SQLite file (the Node build of better-sqlite3 stands in for the Electron build at
// the path index.ts computes), the data directory. What Electron itself would do with the options
// (sandboxing, the menu's rendering, the keychain) is not tested here; the Electron e2e covers it
// where a binary exists.
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronSqliteBindingPath } from '../../electron/main/db/native-binding';
import { invokeChannels } from '../../shared/ipc/channels';
import { invokeContract } from '../../shared/ipc/contract';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const standIn = join(import.meta.dirname, 'support/electron-stand-in');
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const evilDevServer = 'http://127.0.0.1:9/not-the-app/';

/** What the stand-in records (electron.mjs). */
interface StandInRecord {
  lifecycle: string[];
  windows: { webPreferences: Record<string, unknown> }[];
  menu: MenuItemConstructorOptions[] | null;
  ipcChannels: string[];
  loadedUrls: string[];
  calls: Record<string, { ok: boolean; value?: Record<string, unknown>; error?: { code: string } }>;
  navigation: { windowOpen?: unknown; evilHostPrevented?: boolean; ownPagePrevented?: boolean };
  session: Record<string, boolean>;
  errorBoxes: unknown[];
  nativeLibraries: string[];
  exitCode: number;
}

let app = '';
/** Loaded libraries are read from /proc/self/maps (Linux); elsewhere those two checks are skipped, saying so. */
const canSeeLibraries = existsSync('/proc/self/maps');
function expectLoaded(libraries: string[], path: string, loaded: boolean): void {
  if (!canSeeLibraries) {
    console.info(`electron-main-smoke: not checking that ${path} was ${loaded ? '' : 'not '}loaded: this platform has no /proc/self/maps`);
    return;
  }
  if (loaded) expect(libraries).toContain(path);
  else expect(libraries).not.toContain(path);
}
const cleanups: string[] = [];

beforeAll(async () => {
  // A copy of what a package holds, beside the project: out/ built here, resources and node_modules linked.
  app = mkdtempSync(join(tmpdir(), 'rebinddesk-main-smoke-'));
  cleanups.push(app);
  await exec(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', join(app, 'out'), '--logLevel', 'warn'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'));
  symlinkSync(join(root, 'resources'), join(app, 'resources'));
  // Where scripts/ensure-electron-sqlite.mjs would put the Electron build: the Node build stands in.
  const binding = electronSqliteBindingPath(app, electronVersion, process.platform, process.arch);
  mkdirSync(join(binding, '..'), { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binding);
}, 600_000);

afterAll(() => {
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
});

/** Runs the built main process under the stand-in until it quits; the record and the data directory. */
async function runMain(packaged: boolean): Promise<{ record: StandInRecord; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rebinddesk-main-smoke-data-'));
  cleanups.push(dataDir);
  const logFile = join(dataDir, '..', `${dataDir.split('/').pop()}-stand-in.json`);
  cleanups.push(logFile);
  const env: Record<string, string | undefined> = {
    ...process.env,
    STAND_IN_LOG: logFile,
    STAND_IN_PACKAGED: packaged ? '1' : '0',
    STAND_IN_USER_DATA: dataDir,
    STAND_IN_APP_PATH: app,
    STAND_IN_ELECTRON_VERSION: electronVersion,
    ELECTRON_RENDERER_URL: evilDevServer,
  };
  delete env['REBINDDESK_DATA_DIR'];
  await exec(process.execPath, ['--import', join(standIn, 'register.mjs'), join(app, 'out/main/index.js')], { env, cwd: app });
  return { record: JSON.parse(readFileSync(logFile, 'utf8')) as StandInRecord, dataDir };
}

/** Every role in a menu template, submenus included. */
function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('the built main process under a stand-in Electron (no Electron binary here)', () => {
  it('packaged: starts, hardens the window and menu, serves every contract channel, opens the database, and shuts down in order', async () => {
    const { record, dataDir } = await runMain(true);
    expect(record.errorBoxes).toEqual([]);
    expect(record.exitCode).toBe(0);

    // The menu is set before the window exists; then the window loads the built page, not the dev server.
    const at = (step: string) => record.lifecycle.indexOf(step);
    expect(at('ready')).toBeGreaterThanOrEqual(0);
    expect(at('ready')).toBeLessThan(at('menu-set'));
    expect(at('menu-set')).toBeLessThan(at('window-created'));
    expect(at('window-created')).toBeLessThan(at('load-url'));
    expect(record.loadedUrls).toEqual([pathToFileURL(join(app, 'out/renderer/index.html')).href]);

    expect(record.windows).toHaveLength(1);
    expect(record.windows[0]!.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, devTools: false });
    expect(String(record.windows[0]!.webPreferences['preload'])).toBe(join(app, 'out/preload/index.cjs'));
    expect(roles(record.menu ?? [])).not.toContain('toggleDevTools');
    expect(roles(record.menu ?? [])).toContain('quit');

    // Every contract channel, each once, and nothing else.
    expect([...record.ipcChannels].sort()).toEqual([...invokeChannels].sort());
    expect([...record.ipcChannels].sort()).toEqual(Object.keys(invokeContract).sort());
    expect(record.calls['appInfo']).toMatchObject({ ok: true, value: { runtime: 'electron', dataDir, versions: { electron: electronVersion } } });
    expect(record.calls['needsFirstAdmin']).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
    expect(record.calls['fromOtherContents']).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(record.calls['fromOtherHost']).toMatchObject({ ok: false });
    expect(record.navigation).toEqual({ windowOpen: { action: 'deny' }, evilHostPrevented: true, ownPagePrevented: false });
    expect(record.session).toEqual({ permissionRequestHandler: true, permissionCheckHandler: true, headersHook: true });

    // Packaged apps load the binding electron-builder rebuilt inside the package: here node_modules'.
    const nodeModulesBinding = realpathSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
    expectLoaded(record.nativeLibraries, nodeModulesBinding, true);

    // Shutdown: before-quit is held until the context closed (rebind, terminal, database, data-dir
    // registration), then the app quits; the database was closed cleanly (WAL checkpointed away).
    expect(record.lifecycle.filter((step) => step.startsWith('before-quit'))).toEqual(['before-quit 1: prevented', 'before-quit 2: quit']);
    expect(existsSync(join(dataDir, 'rebinddesk.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'rebinddesk.sqlite-wal'))).toBe(false);
    expect(existsSync(join(dataDir, 'holders')) ? readdirSync(join(dataDir, 'holders')) : []).toEqual([]);
    // The data key was made under the (stand-in) safeStorage protector, as on a machine with a keychain.
    const db = new Database(join(dataDir, 'rebinddesk.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT protection FROM data_keys').all()).toEqual([{ protection: 'os-keychain' }]);
    } finally {
      db.close();
    }
  });

  it('development: obeys ELECTRON_RENDERER_URL, keeps DevTools, and opens the database through the .cache binding it computes', async () => {
    const { record } = await runMain(false);
    expect(record.errorBoxes).toEqual([]);
    expect(record.exitCode).toBe(0);
    expect(record.loadedUrls).toEqual([evilDevServer]);
    expect(record.windows[0]!.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true });
    expect(roles(record.menu ?? [])).toContain('toggleDevTools');
    const cacheBinding = realpathSync(electronSqliteBindingPath(app, electronVersion, process.platform, process.arch));
    expectLoaded(record.nativeLibraries, cacheBinding, true);
    expectLoaded(record.nativeLibraries, realpathSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')), false);
    expect([...record.ipcChannels].sort()).toEqual([...invokeChannels].sort());
    expect(record.lifecycle.filter((step) => step.startsWith('before-quit'))).toEqual(['before-quit 1: prevented', 'before-quit 2: quit']);
  });
});
