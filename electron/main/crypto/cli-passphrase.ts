import type Database from 'better-sqlite3';
import { securityAuditActions, systemActor } from '../../../shared/audit/audit-actions';
import { hasPermission } from '../../../shared/auth/permissions';
import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import { audited } from '../db/audited';
import { sqliteDataKeys } from './sqlite-data-key-repository';
import { defaultPassphraseKdf, minPassphraseLength, stageCliKeyFile, type PassphraseKdf } from './cli-key-file';
import type { DataKeyring } from './data-keyring';
import type { KeyProtector } from './key-protector';
import { wrapUnderKek } from './passphrase-protector';

export interface SetCliPassphraseDeps {
  db: Database.Database;
  keyring: DataKeyring;
  dataDir: string;
  /** The app's protectors (keyProtectorsFor): the first wraps the new KEK, the `passphrase` one gets the new wraps. */
  protectors: readonly KeyProtector[];
  now: Date;
  kdf?: PassphraseKdf;
}

/**
 * Sets (or replaces) the command-line passphrase: a new KEK in keys/cli-key.json, and every data
 * key this app can open wrapped under it, in one transaction with its audit entry. The file is
 * written under a staging name first and put in place only after the transaction commits, so a
 * failure leaves the old passphrase working. The passphrase itself is never stored or logged.
 */
export function setCliPassphrase(deps: SetCliPassphraseDeps, actor: Actor, passphrase: string): { wrapped: number; unreadable: string[] } {
  if (!hasPermission(actor.role, 'keys.rotate')) throw new AppError('forbidden', reason('cli-passphrase-admin-only'));
  if ([...passphrase].length < minPassphraseLength) {
    throw new AppError('invalid-input', reason('passphrase-too-short', { min: minPassphraseLength, length: [...passphrase].length }), 'passphrase');
  }
  const appProtector = deps.protectors[0];
  const passphraseProtector = deps.protectors.find((p) => p.protection === 'passphrase');
  if (!appProtector || !passphraseProtector) throw new Error('The app has no passphrase protector to set.');
  const staged = stageCliKeyFile(deps.dataDir, passphrase, appProtector, deps.now, deps.kdf ?? defaultPassphraseKdf);
  try {
    // The wraps are made under the staged KEK directly: the protector reads the file in place, which is still the old one.
    const stagedProtector: KeyProtector = { ...passphraseProtector, protect: (key) => wrapUnderKek(staged.kek, key) };
    const result = audited(
      deps.db,
      (wraps) => ({ actor: actor.username, action: securityAuditActions.cliPassphraseSet, entity: { type: 'data-key', id: 'cli-passphrase' }, payload: { wrappedKeys: wraps.wrapped, unreadableKeys: wraps.unreadable }, at: deps.now }),
      () => deps.keyring.addWraps(deps.db, stagedProtector, deps.now),
    );
    staged.commit();
    return { wrapped: result.wrapped.length, unreadable: result.unreadable };
  } catch (error) {
    staged.discard();
    throw error;
  }
}

/**
 * Gives every key the app can open a `passphrase` wrap the current passphrase opens, where it has
 * none (keys of a restored backup made before the passphrase was set or last changed): run at
 * start and after a restore. Nothing happens while no passphrase is set. Audited when it wraps any.
 */
export function refreshCliWraps(db: Database.Database, keyring: DataKeyring, protectors: readonly KeyProtector[], now: Date): string[] {
  const passphrase = protectors.find((p) => p.protection === 'passphrase');
  if (!passphrase || !(passphrase.ready?.() ?? true)) return [];
  const keys = sqliteDataKeys(db);
  const opens = (keyId: string): boolean => {
    const wrap = keys.wrapsOf(keyId).find((w) => w.protection === 'passphrase');
    if (!wrap) return false;
    try {
      return passphrase.unprotect(wrap.wrappedKey).equals(keyring.keyFor(db, keyId));
    } catch {
      return false;
    }
  };
  const missing = keys.all().map((k) => k.keyId).filter((id) => !opens(id));
  if (missing.length === 0) return [];
  return audited(
    db,
    (wrapped) => (wrapped.length === 0 ? null : { actor: systemActor, action: securityAuditActions.cliWrapsAdded, entity: { type: 'data-key', id: 'cli-passphrase' }, payload: { wrappedKeys: wrapped }, at: now }),
    () => {
      const wrapped: string[] = [];
      for (const keyId of missing) {
        let key: Buffer;
        try {
          key = keyring.keyFor(db, keyId);
        } catch {
          continue; // a key this app cannot open either (another machine's): nothing to wrap
        }
        keys.putWrap(keyId, { protection: 'passphrase', wrappedKey: passphrase.protect(key) }, now.toISOString());
        wrapped.push(keyId);
      }
      return wrapped;
    },
  );
}
