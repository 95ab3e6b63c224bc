import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RtpError } from './errors';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse, nextSeq } from './message';
import { textTlv } from './tlv-values';

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

describe('requests', () => {
  it('encodes HELLO with SEQ 1 as 01 01', () => {
    expect(hex(encodeRequest({ seq: 1, cmd: 0x01, tlvs: [] }))).toBe('0101');
  });

  it('encodes TLVs after SEQ and CMD', () => {
    expect(hex(encodeRequest({ seq: 9, cmd: 0x03, tlvs: [textTlv(0xf040, '8')] }))).toBe('0903' + 'f0400138');
  });

  it('decodes a request and says whether lengths were shortest', () => {
    const decoded = decodeRequest(Uint8Array.of(0x09, 0x03, 0xf0, 0x40, 0x81, 0x01, 0x38));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect([decoded.request.seq, decoded.request.cmd, decoded.shortestLengths]).toEqual([9, 3, false]);
    expect(decoded.request.tlvs.map((t) => [t.tag, [...t.value]])).toEqual([[0xf040, [0x38]]]);
  });

  it('reports short bodies and bad TLVs', () => {
    expect(decodeRequest(Uint8Array.of(0x01))).toEqual({ ok: false, reason: 'too-short' });
    const bad = decodeRequest(Uint8Array.of(0x05, 0x10, 0xf0, 0x60, 0x80));
    expect(bad.ok ? null : [bad.reason, 'seq' in bad ? bad.seq : null]).toEqual(['tlv', 5]);
  });

  it('refuses to encode fields that are not bytes', () => {
    expect(() => encodeRequest({ seq: 256, cmd: 1, tlvs: [] })).toThrow(RtpError);
    expect(() => encodeRequest({ seq: -1, cmd: 1, tlvs: [] })).toThrow(/SEQ/);
    expect(() => encodeRequest({ seq: 1, cmd: 0x81, tlvs: [] })).toThrow(/response bit/);
    expect(() => encodeRequest({ seq: 1.5, cmd: 1, tlvs: [] })).toThrow(/SEQ/);
  });
});

describe('responses', () => {
  it('sets the response bit: HELLO response body starts 01 81 00', () => {
    expect(hex(encodeResponse({ seq: 1, cmd: 0x01, rc: 0, tlvs: [textTlv(0xf001, '1')] }))).toBe('018100' + 'f0010131');
  });

  it('decodes with CMD stripped of the response bit', () => {
    const decoded = decodeResponse(Uint8Array.of(0x01, 0x81, 0x00, 0xf0, 0x01, 0x01, 0x31));
    expect(decoded.ok && [decoded.response.seq, decoded.response.cmd, decoded.response.rc, decoded.response.tlvs.length]).toEqual([1, 1, 0, 1]);
  });

  it('reports short bodies, requests and bad TLVs', () => {
    expect(decodeResponse(Uint8Array.of(0x01, 0x81))).toEqual({ ok: false, reason: 'too-short' });
    expect(decodeResponse(Uint8Array.of(0x01, 0x01, 0x00))).toEqual({ ok: false, reason: 'not-a-response', seq: 1, cmd: 1 });
    const bad = decodeResponse(Uint8Array.of(0x01, 0x81, 0x00, 0xf0));
    expect(bad.ok ? null : bad.reason).toBe('tlv');
  });

  it('refuses an RC outside a byte', () => {
    expect(() => encodeResponse({ seq: 1, cmd: 1, rc: 0x100, tlvs: [] })).toThrow(/RC/);
  });

  it('round-trips (property)', () => {
    const tlvs = fc.array(fc.record({ tag: fc.integer({ min: 0, max: 0xffff }), value: fc.uint8Array({ maxLength: 150 }) }), { maxLength: 5 });
    fc.assert(
      fc.property(fc.nat(255), fc.nat(127), fc.nat(255), tlvs, (seq, cmd, rc, items) => {
        const decoded = decodeResponse(encodeResponse({ seq, cmd, rc, tlvs: items }));
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect([decoded.response.seq, decoded.response.cmd, decoded.response.rc]).toEqual([seq, cmd, rc]);
        expect(decoded.response.tlvs.map((t) => [t.tag, [...t.value]])).toEqual(items.map((t) => [t.tag, [...t.value]]));
        const request = decodeRequest(encodeRequest({ seq, cmd, tlvs: items }));
        expect(request.ok && [request.request.seq, request.request.cmd, request.request.tlvs.length]).toEqual([seq, cmd, items.length]);
      }),
    );
  });

  it('never throws on random bodies (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (body) => {
        decodeRequest(body);
        decodeResponse(body);
      }),
    );
  });
});

describe('nextSeq', () => {
  it('counts 0..255 and wraps', () => {
    expect([nextSeq(0), nextSeq(254), nextSeq(255)]).toEqual([1, 255, 0]);
  });
});
