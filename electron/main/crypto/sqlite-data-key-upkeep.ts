import type Database from 'better-sqlite3';
import type { Actor } from '../../../shared/auth/session';
import { refreshCliWraps, setCliPassphrase } from './cli-passphrase';
import type { DataKeyring } from './data-keyring';
import type { KeyProtector } from './key-protector';
import { rotateDataKey, type RotationResult } from './key-rotation';

/**
 * The data-key operations that rewrite key rows, bound to the live database. The functions behind
 * them take a database because the CLI and a restore run them on other files too; the app's
 * services get them already bound, so no service holds the connection.
 */
export interface DataKeyUpkeep {
  rotate(admin: Actor, now: () => Date): RotationResult;
  setCliPassphrase(admin: Actor, passphrase: string, now: Date): void;
  /** Gives keys that lack the command-line wrap (a restored backup's) one, while a passphrase is set. */
  refreshCliWraps(now: Date): void;
}

export interface DataKeyUpkeepDeps {
  connection: () => Database.Database;
  keyring: DataKeyring;
  protectors: readonly KeyProtector[];
  dataDir: string;
}

export function createSqliteDataKeyUpkeep(deps: DataKeyUpkeepDeps): DataKeyUpkeep {
  const { connection, keyring, protectors } = deps;
  return {
    rotate: (admin, now) => rotateDataKey(connection(), keyring, admin, { now }),
    setCliPassphrase: (admin, passphrase, now) => setCliPassphrase({ db: connection(), keyring, dataDir: deps.dataDir, protectors, now }, admin, passphrase),
    refreshCliWraps: (now) => refreshCliWraps(connection(), keyring, protectors, now),
  };
}
