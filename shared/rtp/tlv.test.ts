import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RtpError } from './errors';
import { decodeTlvs, encodedTlvSize, encodeTlv, encodeTlvs, lengthFieldSize } from './tlv';
import type { Tlv } from './tlv';
import { byteTlv, decimalTlv, decodeGroup, findAllTlvs, findDuplicateTag, findText, findTlv, groupTlv, tagsStrictlyAscending, textTlv, tlvDecimal, tlvText } from './tlv-values';

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function fromHex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

describe('TLV encoding', () => {
  it('writes a 1-byte length for values up to 127 bytes', () => {
    expect(hex(encodeTlv(0xa001, Uint8Array.from(Buffer.from('12345678'))))).toBe('a001083132333435363738');
    expect(hex(encodeTlv(0xf001, new Uint8Array(0)))).toBe('f00100');
    expect(hex(encodeTlv(0xf001, new Uint8Array(127)).subarray(0, 3))).toBe('f0017f');
  });

  it('writes 81 LL for 128 to 255 bytes', () => {
    expect(hex(encodeTlv(0xf062, new Uint8Array(128)).subarray(0, 4))).toBe('f0628180');
    expect(hex(encodeTlv(0xf062, new Uint8Array(255)).subarray(0, 4))).toBe('f06281ff');
  });

  it('writes 82 LL LL for 256 to 65535 bytes', () => {
    expect(hex(encodeTlv(0xf062, new Uint8Array(256)).subarray(0, 5))).toBe('f062820100');
    const max = encodeTlv(0xf062, new Uint8Array(65535));
    expect(hex(max.subarray(0, 5))).toBe('f06282ffff');
    expect(max.length).toBe(65540);
  });

  it('refuses values over 65535 bytes and tags outside two bytes', () => {
    expect(() => encodeTlv(0xf062, new Uint8Array(65536))).toThrow(RtpError);
    expect(() => encodeTlv(0x10000, new Uint8Array(1))).toThrow(/tag/);
    expect(() => encodeTlv(-1, new Uint8Array(1))).toThrow(/tag/);
  });

  it('sizes length fields', () => {
    expect([0, 127, 128, 255, 256, 65535].map(lengthFieldSize)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(encodedTlvSize(300)).toBe(305);
  });

  it('concatenates lists in the given order', () => {
    const list = encodeTlvs([textTlv(0xa002, 'M'), textTlv(0xa001, 'T')]);
    expect(hex(list)).toBe('a002014d' + 'a0010154');
  });
});

describe('TLV decoding', () => {
  it('decodes 1-, 2- and 3-byte lengths and reports shortest form', () => {
    const decoded = decodeTlvs(fromHex('a001 02 4142  f062 81 80' + '00'.repeat(128) + 'f062 82 0100' + '11'.repeat(256)));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.items.map((t) => [t.tag, t.value.length])).toEqual([
      [0xa001, 2],
      [0xf062, 128],
      [0xf062, 256],
    ]);
    expect(decoded.shortestLengths).toBe(true);
  });

  it.each([
    ['81 for a short value', 'a001 81 02 4142'],
    ['82 for a short value', 'a001 82 0002 4142'],
    ['82 for a 1-byte length', 'a001 82 0080' + '00'.repeat(128)],
  ])('accepts but flags a non-shortest length: %s', (_name, text) => {
    const decoded = decodeTlvs(fromHex(text));
    expect(decoded.ok && decoded.shortestLengths).toBe(false);
  });

  it.each([
    ['the indefinite form 0x80', 'a001 80 4142', 'indefinite-length'],
    ['the 3-byte length form 0x83', 'a001 83 000002 4142', 'length-too-wide'],
    ['the form 0x84', 'a001 84 00000002 4142', 'length-too-wide'],
    ['the form 0xFF', 'a001 ff', 'length-too-wide'],
    ['a lone tag byte', 'a0', 'truncated-tag'],
    ['a tag without length', 'a001', 'truncated-length'],
    ['81 without its length byte', 'a001 81', 'truncated-length'],
    ['82 with one length byte', 'a001 82 01', 'truncated-length'],
    ['a value shorter than its length', 'a001 05 4142', 'truncated-value'],
    ['a good TLV then a cut one', 'a001 01 41 a002 02 41', 'truncated-value'],
  ])('refuses %s', (_name, text, code) => {
    const decoded = decodeTlvs(fromHex(text));
    expect(decoded.ok ? 'ok' : decoded.error.code).toBe(code);
  });

  it('reports the offset of the failing TLV', () => {
    const decoded = decodeTlvs(fromHex('a001 01 41 a002 80'));
    expect(decoded.ok ? -1 : decoded.error.offset).toBe(4);
  });

  it('decodes an empty list and a sub-range', () => {
    expect(decodeTlvs(new Uint8Array(0))).toEqual({ ok: true, items: [], shortestLengths: true });
    const decoded = decodeTlvs(fromHex('0181 a001 01 41'), 2);
    expect(decoded.ok && decoded.items.map((t) => t.tag)).toEqual([0xa001]);
  });

  it('ignores out-of-range bounds instead of reading past the array', () => {
    const decoded = decodeTlvs(fromHex('a001 01 41'), -3, 99);
    expect(decoded.ok && decoded.items.length).toBe(1);
  });

  it('never throws on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeTlvs(bytes);
        if (decoded.ok) {
          const total = decoded.items.reduce((n, t) => n + t.value.length, 0);
          expect(total).toBeLessThanOrEqual(bytes.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  const tlvArb: fc.Arbitrary<Tlv> = fc.record({ tag: fc.integer({ min: 0, max: 0xffff }), value: fc.uint8Array({ maxLength: 400 }) });

  it('round-trips encode → decode with shortest lengths (property)', () => {
    fc.assert(
      fc.property(fc.array(tlvArb, { maxLength: 8 }), (items) => {
        const decoded = decodeTlvs(encodeTlvs(items));
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.shortestLengths).toBe(true);
        expect(decoded.items.map((t) => [t.tag, [...t.value]])).toEqual(items.map((t) => [t.tag, [...t.value]]));
      }),
    );
  });

  it('re-encodes any shortest-form decode to the same bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeTlvs(bytes);
        if (decoded.ok && decoded.shortestLengths) expect(hex(encodeTlvs(decoded.items))).toBe(hex(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('TLV values and lists', () => {
  it('builds text, decimal and byte values', () => {
    expect(hex(encodeTlvs([textTlv(0xa003, '商')]))).toBe('a00303e59586');
    expect(hex(encodeTlvs([decimalTlv(0xf002, 1024)]))).toBe('f0020431303234');
    expect(hex(encodeTlvs([byteTlv(0xf010, 100)]))).toBe('f0100164');
    expect(() => decimalTlv(0xf002, -1)).toThrow(RtpError);
    expect(() => decimalTlv(0xf002, 1.5)).toThrow(RtpError);
    expect(() => byteTlv(0xf010, 256)).toThrow(RtpError);
  });

  it('reads text and decimals strictly', () => {
    expect(tlvText({ tag: 1, value: fromHex('e59586') })).toBe('商');
    expect(tlvText({ tag: 1, value: fromHex('e595') })).toBeUndefined();
    expect(tlvDecimal({ tag: 1, value: fromHex('303037') })).toBe(7);
    expect(tlvDecimal({ tag: 1, value: fromHex('2d31') })).toBeUndefined();
    expect(tlvDecimal({ tag: 1, value: new Uint8Array(0) })).toBeUndefined();
  });

  it('nests a journal record group (F050 holding F051..F056)', () => {
    const record = groupTlv(0xf050, [textTlv(0xf051, '000123'), decimalTlv(0xf053, 1500)]);
    expect(hex(encodeTlvs([record]))).toBe('f05010' + 'f05106303030313233' + 'f0530431353030');
    const inner = decodeGroup(record);
    expect(inner.ok && inner.items.map((t) => [t.tag, tlvText(t)])).toEqual([
      [0xf051, '000123'],
      [0xf053, '1500'],
    ]);
  });

  it('finds tags, duplicates and order', () => {
    const items = [textTlv(0xa002, 'b'), textTlv(0xa001, 'a'), textTlv(0xa002, 'c'), textTlv(0xa001, 'd')];
    expect(findTlv(items, 0xa002)?.value).toEqual(Uint8Array.of(0x62));
    expect(findTlv(items, 0xa003)).toBeUndefined();
    expect(findAllTlvs(items, 0xa001).map(tlvText)).toEqual(['a', 'd']);
    expect(findText(items, 0xa001)).toBe('a');
    expect(findDuplicateTag(items)).toBe(0xa001);
    expect(findDuplicateTag(items.slice(0, 2))).toBeUndefined();
    expect(tagsStrictlyAscending(items)).toBe(false);
    expect(tagsStrictlyAscending([items[1]!, items[0]!])).toBe(true);
    expect(tagsStrictlyAscending([items[1]!, items[1]!])).toBe(false);
  });
});
