import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EncryptedColumn } from '../../../electron/main/crypto/encrypted-columns';
import { createFieldReveal } from '../../../electron/main/crypto/reveal-field';
import { createSqliteEncryptedValueStore } from '../../../electron/main/crypto/sqlite-encrypted-value-repository';
import { createTestKeyProtector } from '../../../electron/main/crypto/test-key-protector';
import { useTempDir } from '../support/temp-dir';
import { auditCount, caught, openTestDatabase, securityServices, testClock } from './support';

const tempDir = useTempDir('rebinddesk-reveal-');
const columns: EncryptedColumn[] = [
  { table: 'sample_merchants', column: 'bank_account', idColumn: 'id', entity: 'merchant', field: 'bankAccount', revealRoles: ['desk', 'admin'] },
  { table: 'operators', column: 'totp_secret', idColumn: 'id', entity: 'operator', field: 'totpSecret', revealRoles: [] },
];
const desk = { operatorId: 2, username: 'li.wei', role: 'desk' as const };
const engineer = { operatorId: 3, username: 'zhang.min', role: 'engineer' as const };

function setup(db: Database.Database) {
  const services = securityServices(db, testClock());
  db.exec('CREATE TABLE sample_merchants (id INTEGER PRIMARY KEY, bank_account TEXT) STRICT');
  db.prepare('INSERT INTO sample_merchants VALUES (1, ?), (2, NULL)').run(services.encryption.encrypt('sample_merchants.bank_account', '6222021234567890'));
  const reveal = createFieldReveal({ store: createSqliteEncryptedValueStore(() => db), encryption: services.encryption, columns });
  return { services, reveal };
}

const lastEntry = (db: Database.Database) =>
  db.prepare<[], { actor: string; action: string; entity_type: string; entity_id: string; payload: string }>('SELECT actor, action, entity_type, entity_id, payload FROM audit_log ORDER BY seq DESC LIMIT 1').get();

describe('revealing an encrypted field', () => {
  it('shows the value to a role that may see it and records who saw what, never the value', () => {
    const { db } = openTestDatabase(tempDir());
    const { reveal } = setup(db);
    expect(reveal.canReveal('desk', 'merchant', 'bankAccount')).toBe(true);
    expect(reveal.revealField(desk, { type: 'merchant', id: 1 }, 'bankAccount')).toBe('6222021234567890');
    expect(lastEntry(db)).toEqual({ actor: 'li.wei', action: 'sensitive.revealed', entity_type: 'merchant', entity_id: '1', payload: '{"empty":false,"field":"bankAccount"}' });
    expect(reveal.revealField(desk, { type: 'merchant', id: 2 }, 'bankAccount')).toBeNull();
    db.close();
  });

  it('refuses other roles, and records the refusal', async () => {
    const { db } = openTestDatabase(tempDir());
    const { reveal } = setup(db);
    expect(reveal.canReveal('engineer', 'merchant', 'bankAccount')).toBe(false);
    const error = await caught(() => reveal.revealField(engineer, { type: 'merchant', id: 1 }, 'bankAccount'));
    expect(error.message).toMatch(/only desk or admin may see it/);
    expect(lastEntry(db)).toMatchObject({ actor: 'zhang.min', action: 'sensitive.reveal-refused' });
    const secret = await caught(() => reveal.revealField({ ...desk, role: 'admin' }, { type: 'operator', id: 1 }, 'totpSecret'));
    expect(secret.message).toMatch(/never shown/);
    db.close();
  });

  it('writes no audit entry when the value cannot be read, so entries match what was really shown', async () => {
    const { db } = openTestDatabase(tempDir());
    const { reveal } = setup(db);
    const before = auditCount(db);
    const otherMachine = securityServices(db, testClock(), createTestKeyProtector('another machine'));
    const blind = createFieldReveal({ store: createSqliteEncryptedValueStore(() => db), encryption: otherMachine.encryption, columns });
    expect((await caught(() => blind.revealField(desk, { type: 'merchant', id: 1 }, 'bankAccount'))).message).toMatch(/cannot be unlocked/);
    expect((await caught(() => reveal.revealField(desk, { type: 'merchant', id: 99 }, 'bankAccount'))).message).toMatch(/No merchant with id 99/);
    expect((await caught(() => reveal.revealField(desk, { type: 'merchant', id: 1 }, 'password'))).message).toMatch(/not an encrypted field/);
    expect(auditCount(db)).toBe(before);
    db.close();
  });
});
