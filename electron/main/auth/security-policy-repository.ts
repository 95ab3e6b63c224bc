import type { AuditedWrite } from '../db/audited';

/** The stored security policy: one JSON text per key, as the admin last set it. */
export interface SecurityPolicyRepository {
  /** The JSON text of every stored key (unknown keys included; the service keeps the ones it knows). */
  storedValues(): Map<string, string>;
  /** Stores `json` under `key`; runs in the caller's audited operation. */
  write(key: string, json: string, at: string, by: string): void;
}

/** Where the policy service keeps the policy, and how it changes it. */
export interface SecurityPolicyStore {
  policy: SecurityPolicyRepository;
  audited: AuditedWrite;
}
