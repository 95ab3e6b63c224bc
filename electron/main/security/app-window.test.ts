import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

// The constructor options are what matter; a stand-in BrowserWindow records them.
const constructed: unknown[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      constructed.push(options);
    }
  },
}));

describe('window security settings', () => {
  it('isolates and sandboxes the renderer with no Node', async () => {
    const { createAppWindow } = await import('./app-window');
    createAppWindow('/p/index.cjs', false, { devTools: false });
    expect(constructed.at(-1)).toMatchObject({
      webPreferences: {
        preload: '/p/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
        disableBlinkFeatures: 'Auxclick',
        devTools: false,
      },
    });
  });

  it('has a CSP without unsafe-eval that limits scripts to the app', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });

  it('matches the meta CSP of the renderer page', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // The meta tag cannot carry frame-ancestors (browsers ignore it there); everything else is identical.
    expect(meta).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''));
  });
});
