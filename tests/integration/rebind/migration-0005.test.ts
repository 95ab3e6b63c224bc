// Migration 0005 widens rebind_operations' outcome CHECK to `refused` by rebuilding the table, on
// a real file that already holds a journal (operations, steps, a backup): every row and every
// reference survives, the indexes are back, and foreign keys are enforced again afterwards.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0005-');
const digest = 'a'.repeat(64);

describe('migration 0005 rebind-refused-outcome', () => {
  it('keeps a version-4 journal (owner columns included) and accepts the refused outcome', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const v3 = openAppDatabase(path, { migrations: migrations.slice(0, 4) }).db;
    const insertOp = v3.prepare(
      "INSERT INTO rebind_operations (status, phase, outcome, reason, port_path, actor, work_order_json, serial_number, target_params_json, target_digest, created_at, updated_at, closed_at) VALUES (?, 'identify', ?, ?, 'p', 'tester', '{}', ?, '{}', ?, 't', 't', ?)",
    );
    insertOp.run('closed', 'needs-attention', 'locked', '1170000001', digest, 't');
    insertOp.run('open', null, null, '1170000002', digest, null);
    v3.prepare("UPDATE rebind_operations SET owner_pid = 4242, lease_expires_at = 't' WHERE id = 2").run();
    v3.prepare("INSERT INTO rebind_steps (operation_id, session, attempt, step, status, started_at) VALUES (2, 1, 1, 'identify', 'ok', 't')").run();
    v3.prepare("INSERT INTO rebind_backups (operation_id, serial_number, identity_json, params_json, digest, batch_json, journal_json, created_at) VALUES (2, '1170000002', '{}', '{}', ?, '{}', '[]', 't')").run(digest);
    expect(() => v3.prepare("UPDATE rebind_operations SET outcome = 'refused' WHERE id = 1").run()).toThrow(/CHECK/);
    v3.close();

    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 5) });
    expect(applied).toEqual([5]);
    expect(db.prepare('SELECT id, status, outcome, serial_number, owner_pid FROM rebind_operations ORDER BY id').all()).toEqual([
      { id: 1, status: 'closed', outcome: 'needs-attention', serial_number: '1170000001', owner_pid: null },
      { id: 2, status: 'open', outcome: null, serial_number: '1170000002', owner_pid: 4242 },
    ]);
    db.prepare("UPDATE rebind_operations SET outcome = 'refused' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE rebind_operations SET outcome = 'maybe' WHERE id = 1").run()).toThrow(/CHECK/);
    // The one-open-operation-per-terminal index is back, and foreign keys hold again.
    expect(() =>
      db.prepare("INSERT INTO rebind_operations (status, phase, port_path, actor, work_order_json, serial_number, target_params_json, target_digest, created_at, updated_at) VALUES ('open', 'x', 'p', 'a', '{}', '1170000002', '{}', ?, 't', 't')").run(digest),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO rebind_steps (operation_id, session, attempt, step, status, started_at) VALUES (99, 1, 1, 'identify', 'ok', 't')").run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
