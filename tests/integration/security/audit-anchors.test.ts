// The chain alone cannot show entries cut off its end (with sqlite_sequence lowered) or a whole log
// wiped: a head kept outside the database can. Every backup records one, in its side record and in
// the backup history; verify (the app's and `rebind audit verify`) finds them on its own.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { formatAuditVerifyReport, runAuditVerify } from '../../../electron/cli/audit-verify-cli';
import { sideRecordPath } from '../../../electron/main/backup/backup-side-record';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-anchors-');
const sender = testWindow();

interface Entry { id: string; location: string; auditHead: { seq: number; hash: string; time: string } | null }

/** A data directory with an admin, a backup after a few entries, and `after` more entries since. */
async function dataDirWithBackup(after: number): Promise<{ dir: string; backup: Entry; head: { seq: number; hash: string } }> {
  const dir = tempDir();
  const ctx = testMainContext(dir);
  await createFirstAdmin(ctx, sender);
  await callAs(ctx, sender, 'settings:update', { theme: 'dark' });
  const backup = (await callAs(ctx, sender, 'backup:create', { destination: 'default' })) as Entry;
  for (let i = 0; i < after; i++) await callAs(ctx, sender, 'settings:update', { theme: i % 2 ? 'dark' : 'light' });
  const head = ((await callAs(ctx, sender, 'audit:list', {})) as { head: { seq: number; hash: string } }).head;
  await ctx.close();
  return { dir, backup, head };
}

function attack(dir: string, sql: string): void {
  const raw = new Database(join(dir, 'rebinddesk.sqlite'));
  raw.exec(`DROP TRIGGER audit_log_no_delete; ${sql}`);
  raw.close();
}

describe('audit anchors outside the database', () => {
  it('every backup records the head of its log beside it and in the backup history', async () => {
    const { dir, backup } = await dataDirWithBackup(0);
    const inFile = new Database(backup.location, { readonly: true });
    const head = inFile.prepare('SELECT seq, hash, time FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    inFile.close();
    expect(backup.auditHead).toEqual(head);
    expect(existsSync(sideRecordPath(backup.location))).toBe(true);
    expect(JSON.parse(readFileSync(sideRecordPath(backup.location), 'utf8'))).toMatchObject({ kind: 'rebinddesk-backup', auditHead: head });
    const history = JSON.parse(readFileSync(join(dir, 'backup-history.json'), 'utf8')) as { entries: Entry[] };
    expect(history.entries[0]!.auditHead).toEqual(head);
  });

  it('finds entries cut off the end with sqlite_sequence lowered, through the latest backup', async () => {
    const { dir, backup } = await dataDirWithBackup(3);
    const keep = backup.auditHead!.seq - 2;
    attack(dir, `DELETE FROM audit_log WHERE seq > ${keep}; UPDATE sqlite_sequence SET seq = ${keep} WHERE name = 'audit_log';`);
    const report = runAuditVerify(dir);
    expect(report).toMatchObject({ ok: false, firstProblem: { seq: backup.auditHead!.seq, kind: 'anchor-mismatch' } });
    expect(report.firstProblem?.message).toContain(backup.location);

    // The Audit page's verify finds it too.
    const ctx = testMainContext(dir);
    await callAs(ctx, sender, 'auth:sign-in', { username: 'test.admin', password: 'blue terminal 42' });
    expect(await callAs(ctx, sender, 'audit:verify', {})).toMatchObject({ ok: false, firstProblem: { kind: 'anchor-mismatch' } });
    await ctx.close();
  });

  it('never calls a wiped log ok when the database has operators, even without a backup', async () => {
    const dir = tempDir();
    const ctx = testMainContext(dir);
    await createFirstAdmin(ctx, sender);
    await ctx.close();
    attack(dir, "DELETE FROM audit_log; DELETE FROM sqlite_sequence WHERE name = 'audit_log';");
    const report = runAuditVerify(dir);
    expect(report).toMatchObject({ ok: false, checked: 0, firstProblem: { seq: 1, kind: 'missing' } });
    expect(report.firstProblem?.message).toMatch(/no entries, but the database has 1 operator/);
  });

  it('says how far back the anchors reach: up to the newest backup, and which entries are only chained', async () => {
    const { dir, backup, head } = await dataDirWithBackup(2);
    const report = runAuditVerify(dir);
    expect(report).toMatchObject({ ok: true, anchored: { seq: backup.auditHead!.seq, hash: backup.auditHead!.hash }, anchorsChecked: 1 });
    const text = formatAuditVerifyReport(report);
    expect(text).toContain(`anchored: entries 1–${backup.auditHead!.seq} checked against the backup ${backup.location}`);
    expect(text).toContain(`entries ${backup.auditHead!.seq + 1}–${head.seq} are chained but not yet anchored`);
  });
});
