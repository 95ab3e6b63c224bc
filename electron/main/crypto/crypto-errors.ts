import { reason } from '../../../shared/errors/reason';
import type { MainReason } from '../../../shared/errors/reasons-en';
import { AppError } from '../app-error';

/**
 * A data key cannot be had: missing from the database, or its protector (keychain, key file)
 * cannot unwrap it. Nothing is written when this is thrown.
 */
export class KeyUnavailableError extends AppError {
  readonly keyId: string;

  constructor(keyId: string, why: MainReason) {
    super('database-error', reason('data-key-unavailable', { keyId, why }));
    this.name = 'KeyUnavailableError';
    this.keyId = keyId;
  }
}

/** A stored value that is not an encrypted value of this app, or fails its integrity check. Nothing is written when this is thrown. */
export class FieldDecryptError extends AppError {
  /** The field (`table.column`) it was read from. */
  readonly fieldName: string;

  constructor(fieldName: string, why: MainReason) {
    super('database-error', reason('field-undecryptable', { field: fieldName, why }));
    this.name = 'FieldDecryptError';
    this.fieldName = fieldName;
  }
}
