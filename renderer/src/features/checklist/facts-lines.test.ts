import { describe, expect, it } from 'vitest';
import { factLines } from './facts-lines';

const digest = 'ab'.repeat(32);

describe('automatic step facts', () => {
  it('shows the settled batch with its count and total in the user\'s currency format', () => {
    expect(factLines({ check: 'batch-settled', count: 3, totalFen: 12_345, balanced: true, skipped: false }, 'zh-CN', '是', '否')).toEqual([
      { label: 'batchCount', value: '3' },
      { label: 'batchTotal', value: '¥123.45' },
      { label: 'balanced', value: '是' },
    ]);
    // An empty batch was not settled: count 0, nothing to balance.
    expect(factLines({ check: 'batch-settled', count: null, totalFen: 0, balanced: null, skipped: true }, 'en-US', 'yes', 'no').map((l) => l.value)).toEqual(['0', 'CN¥0.00', '—']);
  });

  it('keeps both parameter digests whole and fixed-width', () => {
    const lines = factLines({ check: 'parameters-verified', targetDigest: digest, readBackDigest: digest, matched: true }, 'en-US', 'yes', 'no');
    expect(lines).toEqual([
      { label: 'targetDigest', value: digest, mono: true },
      { label: 'readBackDigest', value: digest, mono: true },
      { label: 'matched', value: 'yes' },
    ]);
  });

  it('shows a dash for what the journal did not hold', () => {
    expect(factLines({ check: 'sign-on', responseCode: null, roundTripMs: null }, 'en-US', 'yes', 'no').map((l) => l.value)).toEqual(['—', '—']);
    expect(factLines({ check: 'identity-matched', serialNumber: '1170012345', model: null, tid: '12345678', mismatches: ['model'], overridden: true }, 'en-US', 'yes', 'no').map((l) => l.value)).toEqual([
      '1170012345',
      '—',
      '12345678',
      'model',
      'yes',
    ]);
  });
});
