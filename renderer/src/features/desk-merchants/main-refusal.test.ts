import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../bridge/rebind-api';
import { fieldRefusalOf } from './main-refusal';

describe('a refusal main sent for a save', () => {
  it('lands on the field main names, with the validator’s reason inside input-field-refused', () => {
    const why = { code: 'uscc-bad-check', params: { actual: '4' } };
    const refused = new BridgeError({ code: 'invalid-input', message: 'x', field: 'record.uscc', reason: 'input-field-refused', params: { field: { code: 'field-path', params: { path: 'record.uscc' } }, why } });
    expect(fieldRefusalOf(refused)).toEqual({ field: 'uscc', reason: why });
  });

  it('keeps main’s own reason for a conflict on a nested field', () => {
    const taken = new BridgeError({ code: 'conflict', message: 'x', field: 'record.settlement.accountNo', reason: 'merchant-sensitive-required', params: { field: { code: 'merchant-field-account-no', params: {} } } });
    expect(fieldRefusalOf(taken)).toEqual({ field: 'settlement.accountNo', reason: { code: 'merchant-sensitive-required', params: { field: { code: 'merchant-field-account-no', params: {} } } } });
  });

  it('leaves a stale version, a refusal without a field, and any other error to the form’s message', () => {
    expect(fieldRefusalOf(new BridgeError({ code: 'conflict', message: 'x', reason: 'record-changed', params: { entity: { code: 'entity-merchant', params: {} } } }))).toBeNull();
    expect(fieldRefusalOf(new BridgeError({ code: 'invalid-input', message: 'x', field: 'base.version', reason: 'input-too-small' }))).toBeNull();
    expect(fieldRefusalOf(new Error('boom'))).toBeNull();
  });
});
