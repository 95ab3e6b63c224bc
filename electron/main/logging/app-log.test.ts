import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appLogPath, createAppLog } from './app-log';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-app-log-'));
  dirs.push(dir);
  return dir;
};

describe('the app log file', () => {
  it('is logs/main.log in the data directory, created with its folder, with time, what and the stack', () => {
    const dir = tempDir();
    const log = createAppLog(appLogPath(dir), { now: () => new Date('2026-12-01T08:00:00Z') });
    log.error('rebind:start', new Error('disk on fire'));
    log.error('backup', { code: 'EACCES' });
    const text = readFileSync(join(dir, 'logs', 'main.log'), 'utf8');
    expect(text).toMatch(/^2026-12-01T08:00:00\.000Z ERROR rebind:start: Error: disk on fire\n\s+at /);
    expect(text).toContain("ERROR backup: { code: 'EACCES' }");
  });

  it('rotates before passing its cap and keeps only the newest files', () => {
    const dir = tempDir();
    const path = appLogPath(dir);
    const log = createAppLog(path, { maxBytes: 2000, keep: 2 });
    for (let i = 0; i < 40; i++) log.error(`entry ${i}`, 'x'.repeat(200));
    expect(statSync(path).size).toBeLessThanOrEqual(2000);
    expect(statSync(`${path}.1`).size).toBeLessThanOrEqual(2000);
    expect(existsSync(`${path}.2`)).toBe(true);
    expect(existsSync(`${path}.3`)).toBe(false);
    expect(readFileSync(path, 'utf8')).toContain('entry 39');
    // One huge entry is cut to the cap.
    log.error('huge', 'y'.repeat(10_000));
    expect(statSync(path).size).toBeLessThanOrEqual(2000);
  });
});
