import type Database from 'better-sqlite3';
import type { KeyStatus } from '../../../shared/auth/key-protection';
import type { Actor } from '../../../shared/auth/session';
import { refreshCliWraps, setCliPassphrase } from './cli-passphrase';
import type { DataKeyring } from './data-keyring';
import type { FieldEncryption } from './field-encryption';
import type { KeyProtector } from './key-protector';
import { rotateDataKey, type RotationResult } from './key-rotation';

/** What the data-key service needs. */
export interface DataKeyServiceDeps {
  connection: () => Database.Database;
  keyring: DataKeyring;
  encryption: FieldEncryption;
  /** The app's protectors, best first (keyProtectorsFor). */
  protectors: readonly KeyProtector[];
  dataDir: string;
  now: () => Date;
  logError: (what: string, error: unknown) => void;
}

/** The data keys as the admin's Security card manages them. */
export interface DataKeyService {
  status(): KeyStatus;
  rotate(admin: Actor): RotationResult;
  /** Sets the passphrase the rebind command line opens the keys with; answers the new key status. */
  setCliPassphrase(admin: Actor, passphrase: string): KeyStatus;
  /**
   * Makes sure a data key exists and can be opened (at start and after a restore), and gives the
   * keys of a restored backup the command-line wrap they lack. Null when the key cannot be opened:
   * that is reported, not replaced, so the app still starts and whatever needs the key says why.
   */
  ensureUsable(): KeyStatus | null;
}

/** Creates the data-key service. */
export function createDataKeyService(deps: DataKeyServiceDeps): DataKeyService {
  const { connection, keyring, encryption, protectors, now } = deps;
  return {
    status: () => encryption.status(),
    rotate: (admin) => rotateDataKey(connection(), encryption.keyring, admin, { now }),
    setCliPassphrase: (admin, passphrase) => {
      setCliPassphrase({ db: connection(), keyring, dataDir: deps.dataDir, protectors, now: now() }, admin, passphrase);
      return encryption.status();
    },
    ensureUsable: () => {
      try {
        const status = encryption.ensureKey();
        try {
          refreshCliWraps(connection(), keyring, protectors, now());
        } catch (error) {
          deps.logError('the command-line key file cannot be used (set the passphrase again)', error);
        }
        return status;
      } catch (error) {
        deps.logError('the data key cannot be used', error);
        return null;
      }
    },
  };
}
