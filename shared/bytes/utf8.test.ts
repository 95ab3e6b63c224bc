import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8, isWellFormedText, utf8ByteLength } from './utf8';

// The codec is the platform's (TextEncoder, fatal TextDecoder); these tests pin the behaviour the
// terminal relies on: exact encodings, lone surrogates as U+FFFD, and every malformed form refused.

describe('encodeUtf8', () => {
  it('encodes 1- to 4-byte sequences', () => {
    expect([...encodeUtf8('A')]).toEqual([0x41]);
    expect([...encodeUtf8('é')]).toEqual([0xc3, 0xa9]);
    expect([...encodeUtf8('商户')]).toEqual([0xe5, 0x95, 0x86, 0xe6, 0x88, 0xb7]);
    expect([...encodeUtf8('😀')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  });

  it('turns a lone surrogate into U+FFFD', () => {
    expect([...encodeUtf8('a\ud800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect([...encodeUtf8('\udc00')]).toEqual([0xef, 0xbf, 0xbd]);
  });

  it('counts the bytes it encodes, lone surrogates as 3', () => {
    expect(utf8ByteLength('A商😀')).toBe(1 + 3 + 4);
    expect(utf8ByteLength('\ud800')).toBe(3);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        expect(utf8ByteLength(text)).toBe(encodeUtf8(text).length);
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

  it('keeps a leading byte order mark as the character U+FEFF', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('\ufeffA');
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
  });

  it('refuses a well-formed text with one byte replaced by a byte UTF-8 never uses (property)', () => {
    const broken = fc.tuple(fc.string({ unit: 'grapheme', maxLength: 16 }), fc.nat(64), fc.constantFrom(0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff)).map(([text, at, byte]) => {
      const bytes = encodeUtf8(text + 'x');
      bytes[at % bytes.length] = byte;
      return bytes;
    });
    fc.assert(
      fc.property(broken, (bytes) => {
        expect(decodeUtf8(bytes)).toBeUndefined();
      }),
    );
  });

  it('round-trips well-formed strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), (text) => {
        expect(decodeUtf8(encodeUtf8(text))).toBe(text);
      }),
    );
  });

  it('decodes long inputs', () => {
    const text = '商户'.repeat(5000) + 'x';
    expect(decodeUtf8(encodeUtf8(text))).toBe(text);
  });
});

describe('isWellFormedText', () => {
  it('finds lone surrogates', () => {
    expect(isWellFormedText('ok 😀')).toBe(true);
    expect(isWellFormedText('\ud83d')).toBe(false);
    expect(isWellFormedText('\ude00x')).toBe(false);
    expect(isWellFormedText('\ud83d\ud83d')).toBe(false);
  });

  it('is true exactly when the text survives a UTF-8 round trip (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 32 }), (text) => {
        expect(isWellFormedText(text)).toBe(decodeUtf8(encodeUtf8(text)) === text);
      }),
    );
  });
});
