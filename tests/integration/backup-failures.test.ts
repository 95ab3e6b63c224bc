import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MainContext } from '../../electron/main/main-context';
import { callAs, createFirstAdmin, testMainContext, testWindow, type PickerAnswers } from './support/main-context';
import { fileHash, useTempDir } from './support/temp-dir';
import { mountTmpfs, tmpfsSupport } from './support/tmpfs';

const tempDir = useTempDir('rebinddesk-backup-fail-');
const sender = testWindow();

async function signedIn(dataDir: string, answers: PickerAnswers = {}): Promise<MainContext> {
  const ctx = testMainContext(dataDir, answers);
  await createFirstAdmin(ctx, sender);
  return ctx;
}

/** Makes the live database about `kiB` larger (settings rows nobody reads), so its copies need real space. */
function grow(ctx: MainContext, kiB: number): void {
  const db = ctx.database.current();
  const insert = db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 'now')");
  db.transaction(() => {
    for (let i = 0; i < kiB; i++) insert.run(`padding-${i}`, JSON.stringify('x'.repeat(1000)));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const partials = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => /partial|staging/.test(name)) : []);

describe('half-written files a killed backup or restore left', () => {
  it('are removed at start, and a copy whose writer still runs is kept', async () => {
    const dataDir = tempDir();
    const backupsDir = join(dataDir, 'backups');
    mkdirSync(backupsDir, { recursive: true });
    // A process that exited: its pid is free. A process that runs: a child kept alive for the test.
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => gone.on('exit', done));
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const big = 'x'.repeat(256 * 1024);
      const deadBackup = join(backupsDir, `rebinddesk-20260101-000000-000.sqlite.${gone.pid}.partial`);
      const deadStaging = join(dataDir, `rebinddesk.sqlite.restore.${gone.pid}.partial`);
      const deadStagingWal = `${deadStaging}-wal`;
      const legacyBackup = join(backupsDir, 'rebinddesk-20250101-000000-000.sqlite.partial');
      const legacyStaging = join(dataDir, 'rebinddesk.sqlite.restore-staging');
      const liveBackup = join(backupsDir, `rebinddesk-20260101-000001-000.sqlite.${alive.pid}.partial`);
      for (const path of [deadBackup, deadStaging, deadStagingWal, legacyBackup, legacyStaging, liveBackup]) writeFileSync(path, big);

      const ctx = await signedIn(dataDir);
      expect(partials(backupsDir)).toEqual([liveBackup.slice(backupsDir.length + 1)]);
      expect(partials(dataDir)).toEqual([]);
      // The app works as before: a backup can be made at once.
      expect(await callAs(ctx, sender, 'backup:create', { destination: 'default' })).toMatchObject({ kind: 'manual' });
      await ctx.close();
    } finally {
      alive.kill();
    }
  });
});

describe('a backup killed half-way (a real process, SIGKILL)', () => {
  it('leaves a partial file that the next start removes', async () => {
    const dataDir = tempDir();
    const setup = await signedIn(dataDir);
    grow(setup, 40 * 1024); // about 40 MB: the online backup takes many steps
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support/backup-child.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    const backupsDir = join(dataDir, 'backups');
    // Kill it as soon as its partial file is on disk and growing (polled every 20 ms, at most 60 s).
    let seen: string[] = [];
    for (let i = 0; i < 3000 && seen.length === 0; i++) {
      await new Promise((done) => setTimeout(done, 20));
      seen = partials(backupsDir).filter((name) => statSync(join(backupsDir, name)).size > 0);
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen, 'the child never started writing its backup').not.toEqual([]);
    expect(partials(backupsDir).length).toBeGreaterThan(0);

    const ctx = testMainContext(dataDir);
    expect(partials(backupsDir)).toEqual([]);
    expect(partials(dataDir)).toEqual([]);
    await ctx.close();
  });
});

const tmpfs = tmpfsSupport();
if (!tmpfs.ok) console.warn(`[backup-failures] skipping the real full/read-only disk tests: ${tmpfs.reason}`);

describe.skipIf(!tmpfs.ok)('a full or read-only disk (real tmpfs mounts)', () => {
  const mounts: (() => void)[] = [];
  // Unmounted before the temp dirs are removed (inner hooks run first).
  afterEach(() => {
    while (mounts.length > 0) mounts.pop()!();
  });
  const mount = (path: string, sizeKiB: number, readOnly = false) => {
    const m = mountTmpfs(path, sizeKiB, { readOnly });
    mounts.push(m.unmount);
    return m;
  };

  it('a backup to a full disk says how much to free and where, and leaves no partial file', async () => {
    const dir = tempDir();
    const stick = mount(join(dir, 'usb-stick'), 1024).path;
    const answers: PickerAnswers = { backupTarget: join(stick, 'backup.sqlite') };
    const ctx = await signedIn(join(dir, 'data'), answers);
    grow(ctx, 2048);
    const result = await ctx.router.handle('backup:create', { destination: 'choose' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', reason: 'backup-disk-full', params: { path: stick } } });
    if (result.ok) return;
    const freeMb = result.error.params?.freeMb as number;
    // About 2 MB needed, about 1 MB free: free at least one more, and not absurdly more.
    expect(freeMb).toBeGreaterThanOrEqual(1);
    expect(freeMb).toBeLessThanOrEqual(4);
    expect(result.error.message).toMatch(new RegExp(`Free ${freeMb} MB at ${stick}`));
    expect(readdirSync(stick)).toEqual([]);
    expect(((await callAs(ctx, sender, 'backup:list', {})) as { entries: unknown[] }).entries).toEqual([]);
    await ctx.close();
  });

  it('a restore onto a full data disk says how much to free and where, and the live data stays as it was', async () => {
    const dir = tempDir();
    // The backup: a bigger database made elsewhere.
    const elsewhere = await signedIn(join(dir, 'other'), { backupTarget: join(dir, 'big-backup.sqlite') });
    grow(elsewhere, 1536);
    await callAs(elsewhere, sender, 'backup:create', { destination: 'choose' });
    await elsewhere.close();
    const source = join(dir, 'big-backup.sqlite');
    expect(statSync(source).size).toBeGreaterThan(1024 * 1024);

    const dataDir = mount(join(dir, 'data'), 1024).path;
    const answers: PickerAnswers = { backupSource: source };
    const ctx = await signedIn(dataDir, answers);
    await callAs(ctx, sender, 'settings:update', { theme: 'dark' });
    const sourceHash = fileHash(source);
    const result = await ctx.router.handle('backup:restore', { source: { kind: 'choose' } }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', reason: 'backup-disk-full', params: { path: dataDir } } });
    if (!result.ok) expect(result.error.message).toMatch(/The disk is full.*Free \d+ MB at/);
    expect(fileHash(source)).toBe(sourceHash);
    expect(partials(dataDir)).toEqual([]);
    expect(await callAs(ctx, sender, 'settings:get', {})).toMatchObject({ theme: 'dark' });
    await ctx.close();
  });

  it('a backup to a read-only disk says it cannot write there, naming the folder', async () => {
    const dir = tempDir();
    const readOnly = mount(join(dir, 'read-only'), 1024, true).path;
    const ctx = await signedIn(join(dir, 'data'), { backupTarget: join(readOnly, 'backup.sqlite') });
    const result = await ctx.router.handle('backup:create', { destination: 'choose' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', reason: 'backup-no-permission', params: { path: readOnly } } });
    if (!result.ok) expect(result.error.message).not.toMatch(/app log/);
    await ctx.close();
  });
});
