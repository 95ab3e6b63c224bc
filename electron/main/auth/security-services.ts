import type Database from 'better-sqlite3';
import { createDataKeyring, type DataKeyring } from '../crypto/data-keyring';
import type { FieldEncryption } from '../crypto/field-encryption';
import { createSqliteFieldEncryption } from '../crypto/sqlite-field-keys';
import type { KeyProtector } from '../crypto/key-protector';
import { createFieldReveal, type FieldReveal } from '../crypto/reveal-field';
import { createSqliteEncryptedValueStore } from '../crypto/sqlite-encrypted-value-repository';
import { createOperatorService, type OperatorService } from './operator-service';
import type { ScryptParams } from './password-hash';
import { createSqliteAuthStore } from './sqlite-operator-repository';
import { createSecurityPolicyService, type SecurityPolicyService } from './security-policy-service';
import { createSessionService, type SessionService } from './session-service';
import { createTwoFactorService, type TwoFactorService } from './two-factor-service';
import { createSqliteSecurityPolicyStore } from './sqlite-security-policy-repository';

/** Every security service, wired over one connection. */
export interface SecurityServices {
  policy: SecurityPolicyService;
  keyring: DataKeyring;
  encryption: FieldEncryption;
  operators: OperatorService;
  sessions: SessionService;
  twoFactor: TwoFactorService;
  reveal: FieldReveal;
}

/** What the security services need from the composition root. */
export interface SecurityServicesDeps {
  connection: () => Database.Database;
  /** Key protectors, best first (see keyProtectorsFor). */
  protectors: readonly KeyProtector[];
  now?: (() => Date) | undefined;
  /** scrypt cost for new hashes; tests lower it. */
  scrypt?: ScryptParams | undefined;
}

/** Creates the security services in dependency order. */
export function createSecurityServices(deps: SecurityServicesDeps): SecurityServices {
  const now = deps.now ?? (() => new Date());
  const auth = { store: createSqliteAuthStore(deps.connection), now, ...(deps.scrypt ? { scrypt: deps.scrypt } : {}) };
  const policy = createSecurityPolicyService(createSqliteSecurityPolicyStore(deps.connection), now);
  const keyring = createDataKeyring(deps.protectors);
  const encryption = createSqliteFieldEncryption({ connection: deps.connection, keyring, now });
  return {
    policy,
    keyring,
    encryption,
    operators: createOperatorService(auth),
    sessions: createSessionService({ ...auth, policy, encryption }),
    twoFactor: createTwoFactorService({ ...auth, policy, encryption }),
    reveal: createFieldReveal({ store: createSqliteEncryptedValueStore(deps.connection), encryption, now }),
  };
}
