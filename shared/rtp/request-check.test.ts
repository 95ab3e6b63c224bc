import { describe, expect, it } from 'vitest';
import { checkRequest, findBadRequestValue } from './request-check';
import type { RtpRequest } from './message';
import { ResultCode } from './result-codes';

function body(...bytes: number[]): Uint8Array {
  return Uint8Array.from(bytes);
}

const TLV_F040_8 = [0xf0, 0x40, 0x01, 0x38];

function failure(bytes: Uint8Array): unknown {
  const result = checkRequest(bytes);
  return result.ok ? 'ok' : [result.rc, result.seq, result.cmd];
}

describe('checkRequest', () => {
  it('accepts well-formed requests', () => {
    expect(failure(body(1, 0x01))).toBe('ok');
    expect(failure(body(2, 0x03))).toBe('ok');
    expect(failure(body(2, 0x03, ...TLV_F040_8))).toBe('ok');
    expect(failure(body(2, 0x03, 0xf0, 0x40, 0x81, 0x01, 0x38))).toBe('ok'); // long length form is allowed in requests
  });

  it('answers 02 with SEQ and CMD 00 for a body shorter than 2 bytes', () => {
    expect(failure(body())).toEqual([ResultCode.MALFORMED, 0, 0]);
    expect(failure(body(7))).toEqual([ResultCode.MALFORMED, 0, 0]);
  });

  it('answers 01 for an unknown command before looking at its TLVs', () => {
    expect(failure(body(5, 0x42))).toEqual([ResultCode.UNKNOWN_COMMAND, 5, 0x42]);
    expect(failure(body(5, 0x42, 0xff))).toEqual([ResultCode.UNKNOWN_COMMAND, 5, 0x42]);
    expect(failure(body(5, 0x81))).toEqual([ResultCode.UNKNOWN_COMMAND, 5, 0x81]);
  });

  it('answers 02 for malformed TLVs, a tag the command does not take, a duplicate or a missing required tag', () => {
    expect(failure(body(3, 0x03, 0xf0, 0x40, 0x80))).toEqual([ResultCode.MALFORMED, 3, 0x03]);
    expect(failure(body(3, 0x03, 0xf0, 0x40, 0x83, 0, 0, 1, 0x38))).toEqual([ResultCode.MALFORMED, 3, 0x03]);
    expect(failure(body(3, 0x01, ...TLV_F040_8))).toEqual([ResultCode.MALFORMED, 3, 0x01]);
    expect(failure(body(3, 0x03, ...TLV_F040_8, ...TLV_F040_8))).toEqual([ResultCode.MALFORMED, 3, 0x03]);
    expect(failure(body(3, 0x11, 0xf0, 0x61, 0x01, 0x30))).toEqual([ResultCode.MALFORMED, 3, 0x11]);
    expect(failure(body(3, 0x10))).toEqual([ResultCode.MALFORMED, 3, 0x10]);
  });
});

describe('findBadRequestValue', () => {
  const request = (cmd: number, tlvs: [number, number[]][]): RtpRequest => ({ seq: 1, cmd, tlvs: tlvs.map(([tag, value]) => ({ tag, value: Uint8Array.from(value) })) });
  const ascii = (text: string) => [...Buffer.from(text)];

  it('accepts good values', () => {
    expect(findBadRequestValue(request(0x03, [[0xf040, ascii('12')]]))).toBeUndefined();
    expect(findBadRequestValue(request(0x10, [[0xf060, ascii('236')], [0xf008, new Array<number>(32).fill(1)]]))).toBeUndefined();
    expect(findBadRequestValue(request(0x11, [[0xf061, ascii('0')], [0xf062, [1, 2, 3]]]))).toBeUndefined();
  });

  it('names a bad cursor, stage length, digest, offset or chunk', () => {
    expect(findBadRequestValue(request(0x03, [[0xf040, ascii('012')]]))).toBe(0xf040);
    expect(findBadRequestValue(request(0x03, [[0xf040, ascii('x')]]))).toBe(0xf040);
    expect(findBadRequestValue(request(0x10, [[0xf060, ascii('0')], [0xf008, new Array<number>(32).fill(1)]]))).toBe(0xf060);
    expect(findBadRequestValue(request(0x10, [[0xf060, ascii('65536')], [0xf008, new Array<number>(32).fill(1)]]))).toBe(0xf060);
    expect(findBadRequestValue(request(0x11, [[0xf061, ascii('-1')], [0xf062, [1]]]))).toBe(0xf061);
    expect(findBadRequestValue(request(0x11, [[0xf061, ascii('0')], [0xf062, []]]))).toBe(0xf062);
  });

  it('names the lowest offending tag', () => {
    expect(findBadRequestValue(request(0x10, [[0xf060, ascii('abc')], [0xf008, [1]]]))).toBe(0xf008);
  });
});
