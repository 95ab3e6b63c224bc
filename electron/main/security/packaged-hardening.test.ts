// The hardening of packaged builds, read from the builder config and the main code: fuses, the
// application menu, DevTools and the dev-server URL. The Electron smoke test
// (tests/integration/electron-main-smoke.test.ts) checks the same things on the built main process.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from './app-menu';
import { rendererUrlFor } from './renderer-url';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

// createAppWindow is checked with a recording stand-in: there is no Electron binary here.
const constructed: Array<{ webPreferences: Record<string, unknown> }> = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: { webPreferences: Record<string, unknown> }) {
      constructed.push(options);
    }
  },
}));

/** Every item of a menu template, submenus included. */
function allItems(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

describe('packaged builds', () => {
  it('flip the Electron fuses that close Node, the inspector and unpacked code', () => {
    const config = require(join(root, 'electron-builder.config.cjs')) as { electronFuses?: Record<string, boolean>; asar?: unknown };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // OnlyLoadAppFromAsar and the integrity check need the app in an asar archive.
    expect(config.asar).not.toBe(false);
  });

  it('have a menu without DevTools or reload; development keeps them', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const packaged = allItems(appMenuTemplate({ packaged: true, platform, locale: 'zh-CN' }));
      const roles = packaged.map((item) => item.role).filter((role) => role !== undefined);
      expect(roles, platform).toContain('quit');
      expect(roles, platform).toContain('copy');
      // viewMenu's default submenu holds toggleDevTools; the packaged menu writes its own instead.
      for (const banned of ['toggleDevTools', 'reload', 'forceReload', 'viewMenu']) expect(roles, `${platform} ${banned}`).not.toContain(banned);
      const development = allItems(appMenuTemplate({ packaged: false, platform, locale: 'en-US' })).map((item) => item.role);
      expect(development, platform).toContain('toggleDevTools');
    }
  });

  it('label the menu in Chinese by default and in English for an English system', () => {
    const zh = appMenuTemplate({ packaged: true, platform: 'linux', locale: 'zh-CN' }).map((item) => item.label);
    const en = appMenuTemplate({ packaged: true, platform: 'linux', locale: 'en-US' }).map((item) => item.label);
    expect(zh).toEqual(['文件', '编辑', '视图', '窗口']);
    expect(en).toEqual(['File', 'Edit', 'View', 'Window']);
  });

  it('ignore ELECTRON_RENDERER_URL; development obeys it', () => {
    const built = '/opt/rebinddesk/resources/app.asar/out/renderer/index.html';
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example:5173/' };
    expect(rendererUrlFor(true, env, built)).toBe('file:///opt/rebinddesk/resources/app.asar/out/renderer/index.html');
    expect(rendererUrlFor(false, env, built)).toBe('http://evil.example:5173/');
    expect(rendererUrlFor(false, {}, built)).toBe('file:///opt/rebinddesk/resources/app.asar/out/renderer/index.html');
  });

  it('create the window with DevTools off', async () => {
    const { createAppWindow } = await import('./app-window');
    createAppWindow('/p/index.cjs', false, { devTools: false });
    expect(constructed.at(-1)?.webPreferences.devTools).toBe(false);
    createAppWindow('/p/index.cjs', false, { devTools: true });
    expect(constructed.at(-1)?.webPreferences.devTools).toBe(true);
  });

  it('main code reads ELECTRON_RENDERER_URL only through rendererUrlFor, and index.ts wires menu, DevTools and URL by app.isPackaged', () => {
    const readers = walk(join(root, 'electron'))
      .filter((file) => !file.endsWith('.test.ts') && /(\[\s*['"`]ELECTRON_RENDERER_URL['"`]\s*\]|\.ELECTRON_RENDERER_URL\b)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(readers).toEqual(['electron/main/security/renderer-url.ts']);
    const index = readFileSync(join(root, 'electron/main/index.ts'), 'utf8');
    expect(index).toMatch(/rendererUrlFor\(\s*app\.isPackaged/);
    expect(index).toMatch(/Menu\.setApplicationMenu\(\s*Menu\.buildFromTemplate\(\s*appMenuTemplate\(\{\s*packaged: app\.isPackaged/);
    expect(index).toMatch(/createAppWindow\([^;]*?\{\s*devTools: !app\.isPackaged\s*\}\)/);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}
