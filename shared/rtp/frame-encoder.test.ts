import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RtpError } from './errors';
import { encodeFrame } from './frame-encoder';
import { decodeFrame } from './frame-parse';
import type { LengthEncoding, LrcSpan } from './frame-options';

/** Reference LRC written independently of the code under test. */
function xorAll(bytes: Iterable<number>): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

describe('encodeFrame', () => {
  it('produces the PROTOCOL.md example: HELLO with SEQ 1', () => {
    expect([...encodeFrame(Uint8Array.of(0x01, 0x01))]).toEqual([0x02, 0x00, 0x02, 0x01, 0x01, 0x03, 0x01]);
  });

  it('frames the HELLO response header 01 81 00', () => {
    // LRC = 00 ^ 03 ^ 01 ^ 81 ^ 00 ^ 03 = 80
    expect([...encodeFrame(Uint8Array.of(0x01, 0x81, 0x00))]).toEqual([0x02, 0x00, 0x03, 0x01, 0x81, 0x00, 0x03, 0x80]);
  });

  it('frames an empty body', () => {
    expect([...encodeFrame(new Uint8Array(0))]).toEqual([0x02, 0x00, 0x00, 0x03, 0x03]);
  });

  it('writes LEN big-endian and XORs LEN through ETX', () => {
    const body = new Uint8Array(1024).map((_, i) => i & 0xff);
    const frame = encodeFrame(body);
    expect(frame.length).toBe(1029);
    expect([frame[0], frame[1], frame[2], frame[1027]]).toEqual([0x02, 0x04, 0x00, 0x03]);
    expect(frame[1028]).toBe(xorAll(frame.subarray(1, 1028)));
  });

  it('refuses a body over maxBody with a typed error', () => {
    expect(() => encodeFrame(new Uint8Array(1025))).toThrow(RtpError);
    try {
      encodeFrame(new Uint8Array(1025));
    } catch (error) {
      expect((error as RtpError).code).toBe('body-too-long');
    }
    expect(encodeFrame(new Uint8Array(1025), { maxBody: 2048 }).length).toBe(1030);
  });

  it('refuses a maxBody LEN cannot write', () => {
    expect(() => encodeFrame(new Uint8Array(1), { maxBody: 65536 })).toThrow(/maxBody/);
    expect(() => encodeFrame(new Uint8Array(1), { maxBody: 10000, lengthEncoding: 'bcd' })).toThrow(/maxBody/);
    expect(() => encodeFrame(new Uint8Array(1), { maxBody: 0 })).toThrow(/maxBody/);
  });

  it('accepts 65535-byte bodies when maxBody allows', () => {
    const frame = encodeFrame(new Uint8Array(65535), { maxBody: 65535 });
    expect([frame[1], frame[2]]).toEqual([0xff, 0xff]);
  });

  it('writes BCD lengths for vendor variants', () => {
    const frame = encodeFrame(new Uint8Array(1234), { maxBody: 9999, lengthEncoding: 'bcd' });
    expect([frame[1], frame[2]]).toEqual([0x12, 0x34]);
    expect([...encodeFrame(Uint8Array.of(0x01, 0x01), { lengthEncoding: 'bcd' }).subarray(1, 3)]).toEqual([0x00, 0x02]);
  });

  it.each<[LrcSpan, (frame: Uint8Array) => number]>([
    ['len-through-etx', (f) => xorAll(f.subarray(1, f.length - 1))],
    ['len-through-body', (f) => xorAll(f.subarray(1, f.length - 2))],
    ['body-through-etx', (f) => xorAll(f.subarray(3, f.length - 1))],
    ['stx-through-etx', (f) => xorAll(f.subarray(0, f.length - 1))],
  ])('computes the LRC over the %s span', (lrcSpan, expected) => {
    const frame = encodeFrame(Uint8Array.of(0x10, 0x20, 0x33), { lrcSpan });
    expect(frame[frame.length - 1]).toBe(expected(frame));
  });

  it('round-trips through decodeFrame for every option (property)', () => {
    const spans: LrcSpan[] = ['len-through-etx', 'len-through-body', 'body-through-etx', 'stx-through-etx'];
    const encodings: LengthEncoding[] = ['binary-be', 'bcd'];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), fc.constantFrom(...spans), fc.constantFrom(...encodings), (body, lrcSpan, lengthEncoding) => {
        const options = { lrcSpan, lengthEncoding };
        const decoded = decodeFrame(encodeFrame(body, options), options);
        expect(decoded.ok && [...decoded.body]).toEqual([...body]);
      }),
    );
  });
});

describe('decodeFrame', () => {
  const hello = Uint8Array.of(0x02, 0x00, 0x02, 0x01, 0x01, 0x03, 0x01);

  it('returns the body of a good frame', () => {
    const decoded = decodeFrame(hello);
    expect(decoded.ok && [...decoded.body]).toEqual([0x01, 0x01]);
  });

  it.each<[string, number[], string]>([
    ['missing STX', [0x00, 0x00, 0x02, 0x01, 0x01, 0x03, 0x01], 'no-stx'],
    ['too short', [0x02, 0x00], 'truncated'],
    ['body cut off', [0x02, 0x00, 0x05, 0x01, 0x01, 0x03, 0x01], 'truncated'],
    ['LEN over max', [0x02, 0x04, 0x01, 0x00, 0x00, 0x03, 0x00], 'len-over-max'],
    ['wrong ETX', [0x02, 0x00, 0x02, 0x01, 0x01, 0x04, 0x01], 'no-etx'],
    ['bad LRC', [0x02, 0x00, 0x02, 0x01, 0x01, 0x03, 0x02], 'lrc'],
    ['trailing byte', [0x02, 0x00, 0x02, 0x01, 0x01, 0x03, 0x01, 0x06], 'trailing-bytes'],
  ])('reports %s', (_name, bytes, reason) => {
    expect(decodeFrame(Uint8Array.from(bytes))).toEqual({ ok: false, reason });
  });

  it('reports a BCD LEN with a non-decimal nibble', () => {
    expect(decodeFrame(Uint8Array.of(0x02, 0x00, 0x0a, 0x03, 0x09), { lengthEncoding: 'bcd' })).toEqual({ ok: false, reason: 'len-invalid' });
  });

  it('never throws on random input (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: -5, max: 70000 }), (bytes, maxBody) => {
        expect(() => decodeFrame(bytes, { maxBody })).not.toThrow();
      }),
    );
  });
});
