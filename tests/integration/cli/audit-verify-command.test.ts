import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../electron/main/main-context';
import { fileHash, useTempDir } from '../support/temp-dir';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { runRebind } from '../support/rebind-cli';

// The real `rebind` program in a child process, on a data directory the app itself wrote.
const tempDir = useTempDir('rebinddesk-audit-cli-');

/** A data directory with a few real audit entries: first admin, sign-in, settings changes. */
async function appDataDir(): Promise<{ dir: string; head: { seq: number; hash: string } }> {
  const dir = tempDir();
  const ctx = testMainContext(dir);
  const window = testWindow();
  await createFirstAdmin(ctx, window);
  await callAs(ctx, window, 'settings:update', { theme: 'dark' });
  await callAs(ctx, window, 'settings:update', { language: 'en-US' });
  const head = ctx.database.current().prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
  await ctx.close();
  return { dir, head };
}

/** Edits an entry the way someone with the file would: drop the guard trigger, change the row. */
function tamper(dir: string, sql: string): void {
  const db = new Database(join(dir, databaseFileName));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

describe('rebind audit verify', () => {
  it('exits 0 on an intact log, names the head, and changes nothing', async () => {
    const { dir, head } = await appDataDir();
    const before = fileHash(join(dir, databaseFileName));
    const result = await runRebind(['audit', 'verify', '--data-dir', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`audit verify: ok, ${head.seq} entries checked, head ${head.seq} ${head.hash}`);
    expect(fileHash(join(dir, databaseFileName))).toBe(before);
    const json = await runRebind(['audit', 'verify', '--data-dir', dir, '--json', '--expect-head', `${head.seq}:${head.hash}`]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, checked: head.seq, head, anchored: { seq: head.seq, hash: head.hash, source: '--expect-head' }, anchorsChecked: 1 });
  });

  it('checks the anchors backups left on its own: exit 1 for entries cut off the end, naming the backup', async () => {
    const dir = tempDir();
    const ctx = testMainContext(dir);
    const window = testWindow();
    await createFirstAdmin(ctx, window);
    const backup = (await callAs(ctx, window, 'backup:create', { destination: 'default' })) as { location: string; auditHead: { seq: number } };
    await callAs(ctx, window, 'settings:update', { theme: 'dark' });
    await ctx.close();
    const intact = await runRebind(['audit', 'verify', '--data-dir', dir]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`anchored: entries 1–${backup.auditHead.seq} checked against the backup ${backup.location}`);

    const keep = backup.auditHead.seq - 1;
    tamper(dir, `DELETE FROM audit_log WHERE seq > ${keep}; UPDATE sqlite_sequence SET seq = ${keep} WHERE name = 'audit_log';`);
    const cut = await runRebind(['audit', 'verify', '--data-dir', dir]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain(`entry ${backup.auditHead.seq} anchor-mismatch`);
    expect(cut.stderr).toContain(backup.location);
  });

  it('exits 1 naming the first edited entry', async () => {
    const { dir } = await appDataDir();
    const reader = new Database(join(dir, databaseFileName), { readonly: true });
    const target = reader.prepare<[], { seq: number }>("SELECT seq FROM audit_log WHERE action = 'settings.changed' ORDER BY seq LIMIT 1").get()!.seq;
    reader.close();
    tamper(dir, `UPDATE audit_log SET payload = '{"changes":{"theme":{"from":"system","to":"light"}}}' WHERE seq = ${target}`);
    const result = await runRebind(['audit', 'verify', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`entry ${target} edited`);
    const json = await runRebind(['audit', 'verify', '--data-dir', dir, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checked: target - 1, firstProblem: { seq: target, kind: 'edited' } });
  });

  it('exits 1 when entries were removed from the end, and when the head no longer matches an earlier export', async () => {
    const { dir, head } = await appDataDir();
    tamper(dir, `DELETE FROM audit_log WHERE seq = ${head.seq}`);
    const cut = await runRebind(['audit', 'verify', '--data-dir', dir, '--json']);
    expect(cut.code).toBe(1);
    expect(JSON.parse(cut.stdout)).toMatchObject({ ok: false, firstProblem: { seq: head.seq, kind: 'missing' } });
    const anchored = await runRebind(['audit', 'verify', '--data-dir', dir, '--expect-head', `${head.seq}:${head.hash}`]);
    expect(anchored.code).toBe(1);
  });

  it('exits 1 when there is nothing to check, and 2 for a usage error', async () => {
    const missing = await runRebind(['audit', 'verify', '--data-dir', join(tempDir(), 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot check: No database at .*--data-dir/);
    const noDir = await runRebind(['audit', 'verify']);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('--data-dir is required');
    const badHead = await runRebind(['audit', 'verify', '--data-dir', tempDir(), '--expect-head', '12']);
    expect(badHead.code).toBe(2);
    expect(badHead.stderr).toContain('--expect-head must be SEQ:HASH');
    expect((await runRebind(['audit', 'check'])).code).toBe(2);
  });
});
