import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inspectBackupFile } from '../../electron/main/backup/backup-file';
import { applicationId } from '../../electron/main/db/migrate';
import { latestSchemaVersion } from '../../electron/main/db/migrations';
import type { MainContext } from '../../electron/main/main-context';
import { callAs, createFirstAdmin, testMainContext, testWindow, type PickerAnswers } from './support/main-context';
import { fileHash, useTempDir } from './support/temp-dir';

const tempDir = useTempDir();
const sender = testWindow();
const signedIn = new WeakSet<MainContext>();

function context(dataDir: string, answers: PickerAnswers = {}): MainContext {
  return testMainContext(dataDir, answers);
}

/** Creates the admin and signs the window in, once per context: backups are admin only. */
async function signIn(ctx: MainContext): Promise<void> {
  if (signedIn.has(ctx)) return;
  signedIn.add(ctx);
  await createFirstAdmin(ctx, sender);
}

/** Calls as the admin. */
async function call(ctx: MainContext, channel: string, input: unknown) {
  await signIn(ctx);
  return callAs(ctx, sender, channel, input);
}

describe('backup and restore through the router', () => {
  it('backs up online, restores the old values and keeps a safety copy of the replaced data', async () => {
    const ctx = context(tempDir());
    await call(ctx, 'settings:update', { language: 'en-US' });
    const backup = (await call(ctx, 'backup:create', { destination: 'default' })) as { id: string; location: string; schemaVersion: number };
    expect(backup.schemaVersion).toBe(latestSchemaVersion);
    expect(inspectBackupFile(backup.location, latestSchemaVersion).schemaVersion).toBe(latestSchemaVersion);

    await call(ctx, 'settings:update', { language: 'zh-CN', theme: 'dark', terminalPort: null, terminalBaudRate: 115200 });
    const outcome = (await call(ctx, 'backup:restore', { source: { kind: 'history', id: backup.id } })) as { safetyBackup: { location: string } };
    expect(await call(ctx, 'settings:get', {})).toEqual({ language: 'en-US', theme: 'system', terminalPort: null, terminalBaudRate: 115200 });

    // The safety copy holds what was replaced.
    const safety = new Database(outcome.safetyBackup.location, { readonly: true });
    expect(safety.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({ value: '"dark"' });
    safety.close();
    await ctx.close();
  });

  it('writes a backup to a chosen file and restores from a chosen file', async () => {
    const dir = tempDir();
    const chosen = join(dir, 'usb-stick-backup.sqlite');
    const answers: PickerAnswers = { backupTarget: chosen };
    const ctx = context(join(dir, 'data'), answers);
    await call(ctx, 'settings:update', { theme: 'light' });
    await call(ctx, 'backup:create', { destination: 'choose' });
    expect(existsSync(chosen)).toBe(true);
    await call(ctx, 'settings:update', { theme: 'dark' });
    answers.backupSource = chosen;
    await call(ctx, 'backup:restore', { source: { kind: 'choose' } });
    expect(await call(ctx, 'settings:get', {})).toMatchObject({ theme: 'light' });
    await ctx.close();
  });

  it('returns null and changes nothing when the dialog is cancelled', async () => {
    const ctx = context(tempDir());
    expect(await call(ctx, 'backup:create', { destination: 'choose' })).toBeNull();
    expect(await call(ctx, 'backup:restore', { source: { kind: 'choose' } })).toBeNull();
    expect((await call(ctx, 'backup:list', {})) as { entries: unknown[] }).toEqual({ entries: [], last: null });
    await ctx.close();
  });

  it.each([
    ['a text file', (path: string) => writeFileSync(path, 'hello')],
    ['another app database', (path: string) => { const db = new Database(path); db.exec('CREATE TABLE t (x)'); db.close(); }],
    ['a truncated backup', (path: string, good: string) => writeFileSync(path, readFileSync(good).subarray(0, 100))],
  ])('refuses %s as a restore source and leaves the live database as it was', async (_name, make) => {
    const dir = tempDir();
    const answers: PickerAnswers = {};
    const ctx = context(join(dir, 'data'), answers);
    await call(ctx, 'settings:update', { language: 'en-US' });
    const good = (await call(ctx, 'backup:create', { destination: 'default' })) as { location: string };
    const bad = join(dir, 'bad.sqlite');
    make(bad, good.location);
    answers.backupSource = bad;
    const before = fileHash(bad);
    const result = await ctx.router.handle('backup:restore', { source: { kind: 'choose' } }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'backup-invalid', params: { file: bad } } });
    // The message names the file the user picked, never the private staging copy beside the database.
    if (!result.ok) expect(result.error.message).toContain(bad);
    if (!result.ok) expect(result.error.message).not.toMatch(/restore-staging|\.partial/);
    expect(fileHash(bad)).toBe(before);
    expect(await call(ctx, 'settings:get', {})).toMatchObject({ language: 'en-US' });
    expect(((await call(ctx, 'backup:list', {})) as { entries: { kind: string }[] }).entries.map((e) => e.kind)).toEqual(['manual']);
    await ctx.close();
  });

  it('refuses a backup made by a newer app', async () => {
    const dir = tempDir();
    const answers: PickerAnswers = {};
    const ctx = context(join(dir, 'data'), answers);
    const good = (await call(ctx, 'backup:create', { destination: 'default' })) as { location: string };
    const newer = new Database(good.location);
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.close();
    answers.backupSource = good.location;
    const result = await ctx.router.handle('backup:restore', { source: { kind: 'choose' } }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'backup-invalid' } });
    if (!result.ok) expect(result.error.message).toMatch(/newer RebindDesk/);
    await ctx.close();
  });

  it('keeps the backup history across a restore of an older database', async () => {
    const ctx = context(tempDir());
    const first = (await call(ctx, 'backup:create', { destination: 'default' })) as { id: string };
    await call(ctx, 'backup:create', { destination: 'default' });
    await call(ctx, 'backup:restore', { source: { kind: 'history', id: first.id } });
    const list = (await call(ctx, 'backup:list', {})) as { entries: { kind: string }[] };
    expect(list.entries.map((e) => e.kind).sort()).toEqual(['manual', 'manual', 'pre-restore']);
    await ctx.close();
  });

  it('refuses to overwrite the live database with a backup', async () => {
    const dir = tempDir();
    const ctx = context(dir, { backupTarget: join(dir, 'rebinddesk.sqlite') });
    await signIn(ctx);
    const result = await ctx.router.handle('backup:create', { destination: 'choose' }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(ctx, 'settings:get', {})).toEqual({ language: 'zh-CN', theme: 'system', terminalPort: null, terminalBaudRate: 115200 });
    await ctx.close();
  });
});

describe('settings', () => {
  it('falls back to the default for a stored value this build does not know', async () => {
    const dir = tempDir();
    const ctx = context(dir);
    ctx.database.current().prepare("INSERT INTO settings VALUES ('theme', '\"sepia\"', 'now')").run();
    expect(await call(ctx, 'settings:get', {})).toEqual({ language: 'zh-CN', theme: 'system', terminalPort: null, terminalBaudRate: 115200 });
    await ctx.close();
  });

  it('emits settings:changed after an update', async () => {
    const ctx = context(tempDir());
    const events: unknown[] = [];
    ctx.events.addSink((event, payload) => events.push({ event, payload }));
    await call(ctx, 'settings:update', { theme: 'dark' });
    expect(events).toEqual([{ event: 'settings:changed', payload: { language: 'zh-CN', theme: 'dark', terminalPort: null, terminalBaudRate: 115200 } }]);
    await ctx.close();
  });
});

describe('a restore checks the schema before the swap', () => {
  /** A file that passes every header check (RebindDesk's application id, the current user_version, intact) but holds `schema`. */
  function lookalike(path: string, schema: (db: Database.Database) => void): void {
    const db = new Database(path);
    schema(db);
    db.pragma(`application_id = ${applicationId}`);
    db.pragma(`user_version = ${latestSchemaVersion}`);
    db.close();
  }

  /** The live database made by the app, then altered by `change` (a dropped column, trigger or index). */
  function alteredCopy(from: string, to: string, change: string): void {
    copyFileSync(from, to);
    const db = new Database(to);
    db.exec(change);
    db.close();
  }

  it.each([
    ['an empty schema', (_good: string, path: string) => lookalike(path, () => undefined)],
    ['a schema of unrelated tables', (_good: string, path: string) => lookalike(path, (db) => db.exec('CREATE TABLE settings (k, v); CREATE TABLE notes (x)'))],
    ['a dropped audit trigger', (good: string, path: string) => alteredCopy(good, path, 'DROP TRIGGER audit_log_no_delete')],
    ['a dropped index', (good: string, path: string) => alteredCopy(good, path, 'DROP INDEX recovery_codes_by_operator')],
    ['a dropped column', (good: string, path: string) => alteredCopy(good, path, 'ALTER TABLE operators DROP COLUMN last_sign_in_at')],
    ['an extra table', (good: string, path: string) => alteredCopy(good, path, 'CREATE TABLE smuggled (x)')],
  ])('refuses %s with a clear message and keeps the live database working', async (_name, make) => {
    const dir = tempDir();
    const answers: PickerAnswers = {};
    const ctx = context(join(dir, 'data'), answers);
    await call(ctx, 'settings:update', { language: 'en-US' });
    const good = (await call(ctx, 'backup:create', { destination: 'default' })) as { location: string };
    const bad = join(dir, 'lookalike.sqlite');
    make(good.location, bad);
    answers.backupSource = bad;
    const before = fileHash(bad);
    const result = await ctx.router.handle('backup:restore', { source: { kind: 'choose' } }, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'backup-invalid', reason: 'backup-wrong-schema', params: { file: bad } } });
    if (!result.ok) expect(result.error.message).toMatch(/schema/);
    expect(fileHash(bad)).toBe(before);
    // Every call still works: nothing was swapped in.
    expect(await call(ctx, 'settings:get', {})).toMatchObject({ language: 'en-US' });
    expect(await call(ctx, 'audit:verify', {})).toMatchObject({ ok: true });
    await ctx.close();
  });

  it('answers an envelope, not a rejection, when the session cannot be read from the database', async () => {
    const dir = tempDir();
    const ctx = context(dir);
    await signIn(ctx);
    // A second connection breaks the operators table under the app, as a wrong file swapped in would.
    const other = new Database(join(dir, 'rebinddesk.sqlite'));
    other.exec('ALTER TABLE operators RENAME TO operators_gone');
    other.close();
    const result = await ctx.router.handle('settings:get', {}, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'database-error' } });
    await ctx.close();
  });
});

describe('the audit trail survives a restore', () => {
  interface Row { seq: number; hash: string; action: string; payload: string }
  const allEntries = async (ctx: MainContext): Promise<Row[]> => {
    const page = (await call(ctx, 'audit:list', { limit: 500 })) as { entries: Row[] };
    return page.entries.slice().reverse();
  };

  it('carries every entry written since the backup into the restored log, as one chain across the restore', async () => {
    const dir = tempDir();
    const answers: PickerAnswers = { backupTarget: join(dir, 'usb-stick.sqlite') };
    const ctx = context(join(dir, 'data'), answers);
    await call(ctx, 'settings:update', { language: 'en-US' });
    const backup = (await call(ctx, 'backup:create', { destination: 'default' })) as { id: string; auditHead: { seq: number } };
    // After the backup: a settings change, a backup to file, an earlier restore of the same backup.
    await call(ctx, 'settings:update', { theme: 'dark' });
    await call(ctx, 'backup:create', { destination: 'choose' });
    await call(ctx, 'backup:restore', { source: { kind: 'history', id: backup.id } });
    await call(ctx, 'settings:update', { theme: 'light' });
    const before = await allEntries(ctx);
    expect(before.length).toBeGreaterThan(backup.auditHead.seq + 4);

    const outcome = (await call(ctx, 'backup:restore', { source: { kind: 'history', id: backup.id } })) as { auditCarried: { entries: number; how: string } };
    const after = await allEntries(ctx);
    // Nothing vanished: every entry of the replaced log is there, with its seq and hash, then the restore's own entries.
    expect(after.slice(0, before.length).map((e) => [e.seq, e.hash])).toEqual(before.map((e) => [e.seq, e.hash]));
    expect(after.slice(before.length).map((e) => e.action)).toEqual(['backup.restore-started', 'backup.restored']);
    expect(outcome.auditCarried).toEqual({ entries: before.length + 1 - backup.auditHead.seq, how: 'chained' });
    expect(JSON.parse(after.at(-1)!.payload)).toMatchObject({ auditCarried: { how: 'chained' } });
    // Verify spans the restore, and every backup's anchor (the safety copies' too) still holds.
    expect(await call(ctx, 'audit:verify', {})).toMatchObject({ ok: true, checked: after.length, anchored: { seq: before.length + 1 } });
    await ctx.close();
  });

  it('keeps the replaced entries whole when the backup comes from a log that went another way', async () => {
    const dir = tempDir();
    // A backup made in another data directory: its log shares no entry with this one.
    const other = context(join(dir, 'other'), { backupTarget: join(dir, 'other-backup.sqlite') });
    await call(other, 'settings:update', { theme: 'dark' });
    await call(other, 'backup:create', { destination: 'choose' });
    await other.close();

    const answers: PickerAnswers = { backupSource: join(dir, 'other-backup.sqlite') };
    const ctx = context(join(dir, 'data'), answers);
    await call(ctx, 'settings:update', { language: 'en-US' });
    await call(ctx, 'backup:create', { destination: 'default' });
    const before = await allEntries(ctx);
    const outcome = (await call(ctx, 'backup:restore', { source: { kind: 'choose' } })) as { auditCarried: { entries: number; how: string } };
    expect(outcome.auditCarried).toEqual({ entries: before.length + 1, how: 'embedded' });
    await ctx.close();

    const restored = new Database(join(dir, 'data', 'rebinddesk.sqlite'), { readonly: true });
    const carried = restored
      .prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE action = 'audit.carried-over' ORDER BY seq")
      .all()
      .map((r) => JSON.parse(r.payload) as { seq: number; hash: string });
    restored.close();
    expect(carried.map((c) => [c.seq, c.hash])).toEqual([...before.map((e) => [e.seq, e.hash]), [before.length + 1, expect.any(String)]]);
    // This data directory's own backup anchors a log that is now inside the carried copies: it still holds.
    const { runAuditVerify } = await import('../../electron/cli/audit-verify-cli');
    expect(runAuditVerify(join(dir, 'data'))).toMatchObject({ ok: true, anchorsChecked: 2 });
  });
});
