import { hash } from 'node:crypto';
import { auditHashInput, type AuditRecord } from '../../../shared/audit/audit-entry';

/**
 * SHA-256 (lower-case hex) of an entry's hash input; one-shot `crypto.hash` is the fastest Node has
 * for short inputs. An entry no format can encode (unknown format, a legacy entry with a missing
 * or separator-holding field) gets a value no stored hash can equal.
 */
export function auditEntryHash(record: Omit<AuditRecord, 'hash'>): string {
  const input = auditHashInput(record);
  return input === null ? 'unhashable' : hash('sha256', input);
}

/** SHA-256 (lower-case hex) of an already built hash input. */
export function sha256Hex(text: string): string {
  return hash('sha256', text);
}
