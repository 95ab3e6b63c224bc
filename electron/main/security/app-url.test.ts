import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-url';

describe('isAppUrl', () => {
  it('accepts only the built index.html for file:// renderers', () => {
    const own = 'file:///opt/rebinddesk/out/renderer/index.html';
    expect(isAppUrl('file:///opt/rebinddesk/out/renderer/index.html#/settings', own)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', own)).toBe(false);
    expect(isAppUrl('https://example.com/', own)).toBe(false);
  });

  it('refuses a file URL on another host, even with the same path', () => {
    const own = 'file:///opt/rebinddesk/out/renderer/index.html';
    // file://evil-host/… is a UNC share on Windows: the same path on someone else's machine.
    expect(isAppUrl('file://evil-host/opt/rebinddesk/out/renderer/index.html', own)).toBe(false);
    expect(isAppUrl('file://evil-host/etc/passwd', own)).toBe(false);
  });

  it('accepts only the dev server origin for http renderers', () => {
    const own = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/index.html', own)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', own)).toBe(false);
    expect(isAppUrl('not a url', own)).toBe(false);
  });
});
