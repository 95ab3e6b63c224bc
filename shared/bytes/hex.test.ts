import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, HexError, hexToBytes, isHexDigits } from './hex';

describe('hex', () => {
  it('formats bytes', () => {
    expect(bytesToHex(new Uint8Array([0x02, 0x00, 0xab]))).toBe('0200ab');
    expect(bytesToHex(new Uint8Array([0x02, 0x00, 0xab]), { separator: ' ', uppercase: true })).toBe('02 00 AB');
    expect(bytesToHex(new Uint8Array(0))).toBe('');
  });

  it('parses either case and ignores whitespace', () => {
    expect([...hexToBytes('02 00 aB\n0f')]).toEqual([0x02, 0x00, 0xab, 0x0f]);
  });

  it('refuses odd lengths and non-hex digits with HexError', () => {
    expect(() => hexToBytes('abc')).toThrow(HexError);
    expect(() => hexToBytes('0g')).toThrow(/not a hex byte/);
  });

  it('agrees with Buffer (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = bytesToHex(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('hex'));
        expect(hexToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it('checks hex digit strings', () => {
    expect(isHexDigits('0aF9', 4)).toBe(true);
    expect(isHexDigits('0aF9', 6)).toBe(false);
    expect(isHexDigits('0aG9')).toBe(false);
    expect(isHexDigits('')).toBe(false);
  });
});
