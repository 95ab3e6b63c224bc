import type { KeyStatus } from '../../../shared/auth/key-protection';
import type { Actor } from '../../../shared/auth/session';
import type { FieldEncryption } from './field-encryption';
import type { RotationResult } from './key-rotation';
import type { DataKeyUpkeep } from './sqlite-data-key-upkeep';

export interface DataKeyServiceDeps {
  upkeep: DataKeyUpkeep;
  encryption: FieldEncryption;
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

export function createDataKeyService(deps: DataKeyServiceDeps): DataKeyService {
  const { upkeep, encryption, now } = deps;
  return {
    status: () => encryption.status(),
    rotate: (admin) => upkeep.rotate(admin, now),
    setCliPassphrase: (admin, passphrase) => {
      upkeep.setCliPassphrase(admin, passphrase, now());
      return encryption.status();
    },
    ensureUsable: () => {
      try {
        const status = encryption.ensureKey();
        try {
          upkeep.refreshCliWraps(now());
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
