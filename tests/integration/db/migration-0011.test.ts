import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0011-');
const caseId = '019a0000-0000-7000-8000-00000000000c';

const insertOperation = `INSERT INTO rebind_operations (status, phase, port_path, actor, work_order_json, target_params_json, target_digest, created_at, updated_at)
  VALUES ('open', 'identify', '/dev/ttyUSB0', 'wang.eng', '{"caseRef":"W-1"}', '{}', '${'a'.repeat(64)}', 't', 't')`;

describe('migration 0011 (rebind-case)', () => {
  it('adds a nullable case id to the rebind journal: old rows keep NULL, new rows take a case id, free text is refused', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const before = openAppDatabase(path, { migrations: migrations.slice(0, 10) });
    before.db.prepare(insertOperation).run();
    before.db.close();
    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 11) });
    expect(applied).toEqual([11]);
    expect(db.prepare('SELECT case_id AS caseId, work_order_json AS wo FROM rebind_operations').all()).toEqual([{ caseId: null, wo: '{"caseRef":"W-1"}' }]);
    db.prepare("UPDATE rebind_operations SET status = 'closed', outcome = 'rebound', closed_at = 't'").run();
    db.prepare(insertOperation.replace('work_order_json,', 'work_order_json, case_id,').replace(`'{"caseRef":"W-1"}',`, `'{}', '${caseId}',`)).run();
    expect(db.prepare('SELECT id FROM rebind_operations WHERE case_id = ?').all(caseId)).toHaveLength(1);
    expect(() => db.prepare("UPDATE rebind_operations SET case_id = 'case W-1 at the corner shop' WHERE case_id IS NULL").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
