import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8, isValidUtf8, isWellFormedText, utf8ByteLength } from './utf8';

const nodeEncoder = new TextEncoder();
const nodeStrictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function nodeDecodeStrict(bytes: Uint8Array): string | undefined {
  try {
    return nodeStrictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

describe('encodeUtf8', () => {
  it('encodes 1- to 4-byte sequences', () => {
    expect([...encodeUtf8('A')]).toEqual([0x41]);
    expect([...encodeUtf8('é')]).toEqual([0xc3, 0xa9]);
    expect([...encodeUtf8('商户')]).toEqual([0xe5, 0x95, 0x86, 0xe6, 0x88, 0xb7]);
    expect([...encodeUtf8('😀')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  });

  it('turns a lone surrogate into U+FFFD like TextEncoder', () => {
    expect([...encodeUtf8('a\ud800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect([...encodeUtf8('\udc00')]).toEqual([0xef, 0xbf, 0xbd]);
  });

  it('matches TextEncoder on any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        const expected = nodeEncoder.encode(text);
        expect(encodeUtf8(text)).toEqual(expected);
        expect(utf8ByteLength(text)).toBe(expected.length);
      }),
    );
  });
});

describe('decodeUtf8', () => {
  it('decodes valid text', () => {
    expect(decodeUtf8(new Uint8Array([0xe5, 0x95, 0x86, 0x41]))).toBe('商A');
    expect(decodeUtf8(new Uint8Array([0xf4, 0x8f, 0xbf, 0xbf]))).toBe('\u{10ffff}');
    expect(decodeUtf8(new Uint8Array(0))).toBe('');
  });

  it.each([
    ['overlong 2-byte', [0xc0, 0x80]],
    ['overlong 2-byte C1', [0xc1, 0xbf]],
    ['overlong 3-byte', [0xe0, 0x9f, 0xbf]],
    ['overlong 4-byte', [0xf0, 0x8f, 0xbf, 0xbf]],
    ['surrogate code point', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['F5 lead byte', [0xf5, 0x80, 0x80, 0x80]],
    ['stray continuation', [0x41, 0x80]],
    ['truncated 2-byte', [0xc3]],
    ['truncated 3-byte', [0xe5, 0x95]],
    ['truncated 4-byte', [0xf0, 0x9f, 0x98]],
    ['bad continuation', [0xe5, 0x41, 0x86]],
    ['FF byte', [0xff]],
  ])('rejects %s', (_name, bytes) => {
    expect(decodeUtf8(new Uint8Array(bytes))).toBeUndefined();
    expect(isValidUtf8(new Uint8Array(bytes))).toBe(false);
  });

  it('agrees with a fatal TextDecoder on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), (bytes) => {
        expect(decodeUtf8(bytes)).toBe(nodeDecodeStrict(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a fatal TextDecoder on mostly-valid bytes (property)', () => {
    const mutated = fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 16 }), fc.nat(64), fc.integer({ min: 0x80, max: 0xff }))
      .map(([text, at, byte]) => {
        const bytes = nodeEncoder.encode(text);
        if (bytes.length > 0) bytes[at % bytes.length] = byte;
        return bytes;
      });
    fc.assert(
      fc.property(mutated, (bytes) => {
        expect(decodeUtf8(bytes)).toBe(nodeDecodeStrict(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips well-formed strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), (text) => {
        expect(decodeUtf8(encodeUtf8(text))).toBe(text);
      }),
    );
  });

  it('decodes long inputs past the internal flush size', () => {
    const text = '商户'.repeat(5000) + 'x';
    expect(decodeUtf8(nodeEncoder.encode(text))).toBe(text);
  });
});

describe('isWellFormedText', () => {
  it('finds lone surrogates', () => {
    expect(isWellFormedText('ok 😀')).toBe(true);
    expect(isWellFormedText('\ud83d')).toBe(false);
    expect(isWellFormedText('\ude00x')).toBe(false);
    expect(isWellFormedText('\ud83d\ud83d')).toBe(false);
  });
});
