// The app's log file: main-context writes every unexpected error to logs/main.log in the data
// directory, and the router's `internal` answer says where that file is (reason unexpected-error,
// params.logFile), so the renderer's message can name it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './support/temp-dir';
import { testMainContext, testWindow } from './support/main-context';

const tempDir = useTempDir('rebinddesk-app-log-');

describe('the app log', () => {
  it('gets the details of an unexpected failure, and the answer names the file', async () => {
    const dir = tempDir();
    const logged: string[] = [];
    const ctx = testMainContext(dir, {}, { logError: (what) => logged.push(what) });
    // The port watcher stops first (it reads settings on its own timer); then the database closes
    // under the app, so needs-first-admin can no longer read the operators.
    await ctx.terminal.close();
    ctx.database.current().close();
    const result = await ctx.router.handle('auth:needs-first-admin', {}, testWindow('fresh'));
    const logFile = join(dir, 'logs', 'main.log');
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', reason: 'unexpected-error', params: { logFile } } });
    if (!result.ok) expect(result.error.message).toContain(`The details are in the app log: ${logFile}`);
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toMatch(/ERROR auth:needs-first-admin: \w*Error: .*\n\s+at /);
    // The caller's own logger still hears it.
    expect(logged).toContain('auth:needs-first-admin');
  });
});
