import type Database from 'better-sqlite3';
import { auditedOn } from '../db/audited';
import { statementsOn } from '../db/statement-cache';
import type { SecurityPolicyRepository, SecurityPolicyStore } from './security-policy-repository';

/** The policy repository over `security_policy` (migration 0002) of the current connection. */
export function createSqliteSecurityPolicyRepository(connection: () => Database.Database): SecurityPolicyRepository {
  const { run, all } = statementsOn(connection);
  return {
    storedValues: () => new Map(all<{ key: string; value: string }>('SELECT key, value FROM security_policy').map((row) => [row.key, row.value])),
    write: (key, json, at, by) =>
      void run(
        'INSERT INTO security_policy (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
        key, json, at, by,
      ),
  };
}

export function createSqliteSecurityPolicyStore(connection: () => Database.Database): SecurityPolicyStore {
  return { policy: createSqliteSecurityPolicyRepository(connection), audited: auditedOn(connection) };
}
