import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parameterSpec } from '../../rtp/parameter-table';
import { Tag } from '../../rtp/tags';
import { checkAcquirerCode, checkMid, checkTerminalSerial, checkTid } from './terminal-ids';

describe('terminal identifiers', () => {
  it('accepts a TID of 8 and a MID of 15 letters or digits, case kept', () => {
    expect(checkTid('12345678')).toMatchObject({ ok: true, value: '12345678' });
    expect(checkTid('ab12CD34').value).toBe('ab12CD34');
    expect(checkMid('898350154110001')).toMatchObject({ ok: true, value: '898350154110001' });
  });

  it('refuses a TID or MID of another length or with other characters', () => {
    expect(checkTid('1234567').errors).toEqual([{ code: 'tid-bad-format', params: { value: '1234567' } }]);
    expect(checkTid('1234-678').errors.map((e) => e.code)).toEqual(['tid-bad-format']);
    expect(checkMid('89835015411000').errors).toEqual([{ code: 'mid-bad-format', params: { value: '89835015411000' } }]);
    expect(checkTid('').errors.map((e) => e.code)).toEqual(['desk-field-required']);
  });

  it('agrees with RTP/1’s own A001 and A002 checks (property)', () => {
    const a001 = parameterSpec(Tag.A001)!;
    const a002 = parameterSpec(Tag.A002)!;
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,18}$/), (value) => {
        expect(checkTid(value).ok).toBe(a001.check(value) === undefined);
        expect(checkMid(value).ok).toBe(a002.check(value) === undefined);
      }),
    );
  });

  it('accepts a serial of letters, digits, - and _ with its case, and refuses others', () => {
    expect(checkTerminalSerial('1170012345')).toMatchObject({ ok: true, value: '1170012345' });
    expect(checkTerminalSerial('Px-A920_001').value).toBe('Px-A920_001');
    expect(checkTerminalSerial('SN 1234').value).toBe('SN1234');
    expect(checkTerminalSerial('SN/1234').errors.map((e) => e.code)).toEqual(['serial-bad-format']);
    expect(checkTerminalSerial('x'.repeat(33)).errors.map((e) => e.code)).toEqual(['serial-bad-format']);
  });

  it('accepts an acquirer code in the form of a bank template id and refuses others', () => {
    expect(checkAcquirerCode('acquirer-b').ok).toBe(true);
    expect(checkAcquirerCode('Acquirer-B').errors).toEqual([{ code: 'acquirer-code-bad-format', params: { value: 'Acquirer-B' } }]);
    expect(checkAcquirerCode('a').errors.map((e) => e.code)).toEqual(['acquirer-code-bad-format']);
  });
});
