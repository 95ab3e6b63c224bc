import { describe, expect, it } from 'vitest';
import { checkWorkOrder, describeMismatch, overrideReasonMinLength, workOrderSchema } from './work-order';

const identity = { serialNumber: '1170012345', tid: '12345678', model: 'A920' };

describe('work orders', () => {
  it('checks only the fields the work order pins', () => {
    expect(checkWorkOrder({}, identity)).toEqual([]);
    expect(checkWorkOrder({ expectedSerial: '1170012345', expectedTid: '12345678', expectedModel: 'A920' }, identity)).toEqual([]);
    const mismatches = checkWorkOrder({ expectedSerial: '1170099999', expectedModel: 'A930' }, identity);
    expect(mismatches.map(describeMismatch)).toEqual([
      'serial number: the work order says 1170099999, the terminal says 1170012345',
      'model: the work order says A930, the terminal says A920',
    ]);
  });

  it('needs a real reason to override a mismatch', () => {
    expect(workOrderSchema.safeParse({ override: { reason: 'ok' } }).success).toBe(false);
    expect(workOrderSchema.safeParse({ override: { reason: 'Serial plate replaced, ticket 4411' } }).success).toBe(true);
    // The bound the On-site form enables Start at is the one main parses with (spaces around do not count).
    expect(workOrderSchema.safeParse({ override: { reason: ` ${'x'.repeat(overrideReasonMinLength)} ` } }).success).toBe(true);
    expect(workOrderSchema.safeParse({ override: { reason: ` ${'x'.repeat(overrideReasonMinLength - 1)} ` } }).success).toBe(false);
    expect(workOrderSchema.safeParse({ expectedSerial: '' }).success).toBe(false);
  });
});
