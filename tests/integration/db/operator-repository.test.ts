import { describe, expect, it } from 'vitest';
import { createSqliteAuthStore, createSqliteOperatorRepository } from '../../../electron/main/auth/sqlite-operator-repository';
import { useTempDir } from '../support/temp-dir';
import { openTestDatabase } from '../security/support';

const tempDir = useTempDir('rebinddesk-operators-repo-');
const at = '2025-03-03T01:00:00.000Z';

describe('the SQLite operator repository', () => {
  it('stores a new operator in the snake_case columns and reads it back as a camelCase Operator', () => {
    const { db } = openTestDatabase(tempDir());
    const repo = createSqliteOperatorRepository(() => db);
    const id = repo.insert({ username: 'li.wei', displayName: 'Li Wei', role: 'engineer', passwordHash: 'hash-1', temporaryUntil: '2025-03-04T01:00:00.000Z' }, at);
    expect(db.prepare('SELECT username, display_name, role, disabled, password_hash, must_change_password, temp_password_expires_at, locked FROM operators WHERE id = ?').get(id)).toEqual({
      username: 'li.wei',
      display_name: 'Li Wei',
      role: 'engineer',
      disabled: 0,
      password_hash: 'hash-1',
      must_change_password: 1,
      temp_password_expires_at: '2025-03-04T01:00:00.000Z',
      locked: 0,
    });
    expect(repo.byId(id)).toEqual({
      id,
      username: 'li.wei',
      displayName: 'Li Wei',
      role: 'engineer',
      disabled: false,
      deskLead: false,
      passwordHash: 'hash-1',
      passwordChangedAt: at,
      mustChangePassword: true,
      temporaryPasswordExpiresAt: '2025-03-04T01:00:00.000Z',
      temporaryPasswordUsedAt: null,
      failedAttempts: 0,
      retryNotBefore: null,
      locked: false,
      totpSecret: null,
      totpPendingSecret: null,
      totpLastStep: null,
      sessionEpoch: 0,
      createdAt: at,
      updatedAt: at,
      lastSignInAt: null,
    });
    expect(repo.byUsername('li.wei')?.id).toBe(id);
    expect(repo.byUsername('nobody')).toBeUndefined();
    db.close();
  });

  it('writes flags as 0/1 and reads them back as booleans', () => {
    const { db } = openTestDatabase(tempDir());
    const repo = createSqliteOperatorRepository(() => db);
    const id = repo.insert({ username: 'admin', displayName: 'Admin', role: 'admin', passwordHash: 'h', temporaryUntil: null }, at);
    repo.recordFailure(id, { failedAttempts: 9, retryNotBefore: 1_741_000_000_000, locked: true }, at);
    repo.update(id, { displayName: 'The Admin', role: 'admin', disabled: true, deskLead: false }, at);
    repo.bumpSessionEpoch(id);
    expect(db.prepare('SELECT disabled, locked, failed_attempts, retry_not_before, session_epoch FROM operators WHERE id = ?').get(id)).toEqual({
      disabled: 1,
      locked: 1,
      failed_attempts: 9,
      retry_not_before: 1_741_000_000_000,
      session_epoch: 1,
    });
    expect(repo.byId(id)).toMatchObject({ displayName: 'The Admin', disabled: true, locked: true, failedAttempts: 9, retryNotBefore: 1_741_000_000_000, sessionEpoch: 1, mustChangePassword: false });
    expect(repo.countAdmins(false)).toBe(1);
    expect(repo.countAdmins(true)).toBe(0);
    db.close();
  });

  it('keeps recovery codes as salt and codeHash, and forgets used ones', () => {
    const { db } = openTestDatabase(tempDir());
    const repo = createSqliteOperatorRepository(() => db);
    const id = repo.insert({ username: 'admin', displayName: 'Admin', role: 'admin', passwordHash: 'h', temporaryUntil: null }, at);
    repo.replaceRecoveryCodes(id, [{ salt: 's1', hash: 'h1' }, { salt: 's2', hash: 'h2' }], at);
    const codes = repo.unusedRecoveryCodes(id);
    expect(codes.map(({ salt, codeHash }) => ({ salt, codeHash }))).toEqual([{ salt: 's1', codeHash: 'h1' }, { salt: 's2', codeHash: 'h2' }]);
    repo.markRecoveryCodeUsed(codes[0]!.id, at);
    expect(repo.unusedRecoveryCodes(id).map((c) => c.salt)).toEqual(['s2']);
    repo.deleteRecoveryCodes(id);
    expect(repo.unusedRecoveryCodes(id)).toEqual([]);
    db.close();
  });

  it('an audited operation of the store commits the operator and its entry together, or neither', () => {
    const { db } = openTestDatabase(tempDir());
    const store = createSqliteAuthStore(() => db);
    const entry = { actor: 'admin', action: 'operator.created', entity: { type: 'operator', id: 'new' }, payload: {} };
    expect(() =>
      store.audited(entry, () => {
        store.operators.insert({ username: 'li.wei', displayName: 'Li Wei', role: 'engineer', passwordHash: 'h', temporaryUntil: null }, at);
        throw new Error('refused after the insert');
      }),
    ).toThrow(/refused after the insert/);
    expect(store.operators.list()).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    store.audited(entry, () => store.operators.insert({ username: 'li.wei', displayName: 'Li Wei', role: 'engineer', passwordHash: 'h', temporaryUntil: null }, at));
    expect(store.operators.list().map((o) => o.username)).toEqual(['li.wei']);
    expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'operator.created' }]);
    db.close();
  });
});
