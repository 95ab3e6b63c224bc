import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { OperatorSummary } from '../../../shared/auth/operator';
import type { Actor } from '../../../shared/auth/session';
import type { ScryptParams } from '../../../electron/main/auth/password-hash';
import { createOperatorService } from '../../../electron/main/auth/operator-service';
import { createSecurityPolicyService } from '../../../electron/main/auth/security-policy-service';
import { createSessionService } from '../../../electron/main/auth/session-service';
import { createSqliteAuthStore } from '../../../electron/main/auth/sqlite-operator-repository';
import { createTwoFactorService } from '../../../electron/main/auth/two-factor-service';
import { createDataKeyring } from '../../../electron/main/crypto/data-keyring';
import { createSqliteFieldEncryption } from '../../../electron/main/crypto/sqlite-field-keys';
import type { KeyProtector } from '../../../electron/main/crypto/key-protector';
import { createTestKeyProtector } from '../../../electron/main/crypto/test-key-protector';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { createSqliteSecurityPolicyStore } from '../../../electron/main/auth/sqlite-security-policy-repository';

/** Cheap scrypt parameters so tests run fast; the real ones are tested for format and rehash only. */
export const fastScrypt: ScryptParams = { log2N: 10, r: 8, p: 1 };

/** A password that passes the policy. */
export const goodPassword = 'blue terminal 42';

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
  set(iso: string): void;
}

/** A clock starting at `start` that only moves when told. */
export function testClock(start = '2025-03-03T01:00:00.000Z'): TestClock {
  let ms = Date.parse(start);
  return { now: () => new Date(ms), advance: (by) => void (ms += by), set: (iso) => void (ms = Date.parse(iso)) };
}

/** Opens (creating and migrating) the app database in `dir`. */
export function openTestDatabase(dir: string): { db: Database.Database; path: string } {
  const path = join(dir, 'rebinddesk.sqlite');
  return { db: openAppDatabase(path, { migrations }).db, path };
}

/** Every security service over one connection, as the composition root would wire them. */
export function securityServices(db: Database.Database, clock: TestClock, protector: KeyProtector = createTestKeyProtector()) {
  const connection = () => db;
  const deps = { store: createSqliteAuthStore(connection), now: clock.now, scrypt: fastScrypt };
  const policy = createSecurityPolicyService(createSqliteSecurityPolicyStore(connection), clock.now);
  const keyring = createDataKeyring([protector]);
  const encryption = createSqliteFieldEncryption({ connection, keyring, now: clock.now });
  return {
    policy,
    keyring,
    encryption,
    operators: createOperatorService(deps),
    sessions: createSessionService({ ...deps, policy, encryption }),
    twoFactor: createTwoFactorService({ ...deps, policy, encryption }),
  };
}

/** The actor for an operator summary. */
export function actorOf(operator: Pick<OperatorSummary, 'id' | 'username' | 'role'>): Actor {
  return { operatorId: operator.id, username: operator.username, role: operator.role };
}

/** Audit actions in order, optionally only those after `afterSeq`. */
export function auditActions(db: Database.Database, afterSeq = 0): string[] {
  return db.prepare<[number], { action: string }>('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq').all(afterSeq).map((r) => r.action);
}

/** The number of audit entries. */
export function auditCount(db: Database.Database): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n;
}

/** Runs `work` and returns what it threw (failing the test if it did not). */
export async function caught(work: () => unknown): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

export { parseCsv } from '../../support/csv-reader';
