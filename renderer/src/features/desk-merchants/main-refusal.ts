// A refusal main sent for a save, placed where the desk can act on it: under the field main names
// (`record.uscc` → the USCC field), with the validator's own reason when main wraps it as
// `input-field-refused`; anything else (a stale version, a lost session) is said above the form.
import type { Reason, ReasonParam } from '../../../../shared/errors/reason';
import { BridgeError } from '../../bridge/rebind-api';

export interface FieldRefusal {
  field: string;
  reason: Reason;
}

const isReason = (value: ReasonParam | undefined): value is Reason => typeof value === 'object' && value !== null && typeof value.code === 'string';

/** The field and reason of a refusal that names a field of the record, else null. */
export function fieldRefusalOf(error: unknown): FieldRefusal | null {
  if (!(error instanceof BridgeError)) return null;
  const { field, reason, params } = error.detail;
  if (field === undefined || !field.startsWith('record.') || reason === undefined) return null;
  const why = params?.why;
  return { field: field.slice('record.'.length), reason: reason === 'input-field-refused' && isReason(why) ? why : { code: reason, params: params ?? {} } };
}
