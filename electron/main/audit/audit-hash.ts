import { hash } from 'node:crypto';
import { auditHashInput, type AuditRecord } from '../../../shared/audit/audit-entry';

/** SHA-256 (lower-case hex) of an entry's hash input; one-shot `crypto.hash` is the fastest Node has for short inputs. */
export function auditEntryHash(record: Omit<AuditRecord, 'hash'>): string {
  return hash('sha256', auditHashInput(record));
}

/** SHA-256 (lower-case hex) of an already built hash input. */
export function sha256Hex(text: string): string {
  return hash('sha256', text);
}
