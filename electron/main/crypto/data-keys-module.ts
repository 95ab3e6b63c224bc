import type Database from 'better-sqlite3';
import type { KeyStatus } from '../../../shared/auth/key-protection';
import type { SecurityServices } from '../auth/security-services';
import type { FeatureModule } from '../ipc/compose-modules';
import { createParamsSealer } from '../rebind/sealed-params';
import { clearParamsSealingOn } from '../rebind/sqlite-clear-params';
import { createDataKeyService } from './data-key-service';
import type { KeyProtector } from './key-protector';
import { createRevealService, type LiveSecretSource } from './reveal-service';
import { createSqliteDataKeyUpkeep } from './sqlite-data-key-upkeep';

type DataKeyChannel = 'security:key-status' | 'security:rotate-key' | 'security:set-cli-passphrase' | 'sensitive:reveal';

export interface DataKeysModuleDeps {
  security: Pick<SecurityServices, 'keyring' | 'encryption' | 'reveal'>;
  protectors: readonly KeyProtector[];
  connection: () => Database.Database;
  dataDir: string;
  now: () => Date;
  logError: (what: string, error: unknown) => void;
  /** The connected terminal's secrets (the key check value). */
  terminalSecrets: LiveSecretSource;
}

/** Data keys, the command-line passphrase and reveals of encrypted values. */
export function createDataKeysModule(deps: DataKeysModuleDeps): FeatureModule<DataKeyChannel> & { ensureUsable: () => KeyStatus | null } {
  const upkeep = createSqliteDataKeyUpkeep({ connection: deps.connection, keyring: deps.security.keyring, protectors: deps.protectors, dataDir: deps.dataDir });
  const keys = createDataKeyService({ upkeep, encryption: deps.security.encryption, now: deps.now, logError: deps.logError });
  const reveals = createRevealService({ stored: deps.security.reveal, terminal: deps.terminalSecrets });
  const sealClearParams = clearParamsSealingOn(deps.connection, createParamsSealer(deps.security.encryption), deps.now);
  return {
    // At start and after a restore: the key first, then parameter sets journaled before their key
    // check values were encrypted (or in a restored old backup) get sealed with it.
    ensureUsable: () => {
      const status = keys.ensureUsable();
      if (status === null) return null;
      try {
        sealClearParams();
        return status;
      } catch (error) {
        deps.logError('the data key cannot be used', error);
        return null;
      }
    },
    handlers: {
      'security:key-status': () => keys.status(),
      'security:rotate-key': (_input, { caller }) => keys.rotate(caller),
      'security:set-cli-passphrase': (input, { caller }) => keys.setCliPassphrase(caller, input.passphrase),
      'sensitive:reveal': (input, { caller }) => reveals.reveal(caller, input),
    },
  };
}
