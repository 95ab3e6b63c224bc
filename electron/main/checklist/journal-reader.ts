// The rebind journal of a case, read only (migrations 0003 and 0011): its newest operation and that
// operation's steps. The checklist reads the tables rather than the rebind store, which would need
// the data key for the parameter sets it never looks at.
import type Database from 'better-sqlite3';
import { prepared } from '../db/statement-cache';
import type { JournaledOperation, JournaledStep } from './journal-facts';

export interface JournalReader {
  /** The case's newest rebind operation with its steps; undefined when none ran for it. */
  latestOperationOf(caseId: string): JournaledOperation | undefined;
}

export function createJournalReader(connection: () => Database.Database): JournalReader {
  return {
    latestOperationOf(caseId) {
      const op = prepared<[string], { id: number; target_digest: string }>(connection(), 'SELECT id, target_digest FROM rebind_operations WHERE case_id = ? ORDER BY id DESC LIMIT 1').get(caseId);
      if (op === undefined) return undefined;
      const rows = prepared<[number], { step: string; status: JournaledStep['status']; detail_json: string | null }>(connection(), 'SELECT step, status, detail_json FROM rebind_steps WHERE operation_id = ? ORDER BY id').all(op.id);
      const steps = rows.map((row): JournaledStep => ({ step: row.step, status: row.status, detail: row.detail_json === null ? null : (JSON.parse(row.detail_json) as Record<string, unknown>) }));
      return { id: op.id, targetDigest: op.target_digest, steps };
    },
  };
}
