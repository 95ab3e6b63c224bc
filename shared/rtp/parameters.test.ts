import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_TERMINAL_PARAMETERS } from '../../electron/main/terminal/simulator/demo-parameters';
import { RtpError } from './errors';
import { canonicalParameterSet, parametersFromTlvs, parseStagedSet, validateParameterSet, validateParameterValue } from './parameter-set';
import { checkHostPort, isVolatileParameter, PARAMETERS } from './parameter-table';
import { ResultCode } from './result-codes';

// The demo terminal's set, as a host may stage it: without the volatile batch counters (A009, A00A),
// and with E0E1 in mixed case because hex values are accepted in either case.
const VALID: Record<string, string> = {
  ...Object.fromEntries(Object.entries(DEMO_TERMINAL_PARAMETERS).filter(([tag]) => tag !== 'A009' && tag !== 'A00A')),
  E0E1: 'a1B2c3',
};

/** Reference TLV encoder written independently of the code under test (shortest lengths). */
function refTlv(tag: number, value: Uint8Array): Buffer {
  const n = value.length;
  const length = n < 0x80 ? [n] : n <= 0xff ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag >> 8, tag & 0xff, ...length]), Buffer.from(value)]);
}

function refCanonical(params: Record<string, string>): Buffer {
  const entries = Object.entries(params)
    .filter(([key]) => key !== 'A009' && key !== 'A00A')
    .sort(([a], [b]) => parseInt(a, 16) - parseInt(b, 16));
  return Buffer.concat(entries.map(([key, value]) => refTlv(parseInt(key, 16), Buffer.from(value, 'utf8'))));
}

function without(params: Record<string, string>, key: string): Record<string, string> {
  const copy = { ...params };
  delete copy[key];
  return copy;
}

describe('parameter table', () => {
  it('lists the 16 tags of PROTOCOL.md §4 in ascending order, two of them volatile, only A012 optional', () => {
    expect(PARAMETERS.map((p) => p.code)).toEqual(['A001', 'A002', 'A003', 'A008', 'A009', 'A00A', 'A00B', 'A010', 'A011', 'A012', 'A013', 'A014', 'A015', 'A016', 'E0E0', 'E0E1']);
    expect(PARAMETERS.filter((p) => p.volatile).map((p) => p.code)).toEqual(['A009', 'A00A']);
    expect(PARAMETERS.filter((p) => p.optional).map((p) => p.code)).toEqual(['A012']);
    expect(isVolatileParameter(0xa009)).toBe(true);
    expect(isVolatileParameter(0xa001)).toBe(false);
  });
});

describe('validateParameterValue', () => {
  it.each([
    ['A001', ['ABCD1234', 'abcd1234'], ['1234567', '123456789', '1234-678', '１２３４５６７８'], 'A001 TID must be 8 letters or digits'],
    ['A002', ['898310048140001'], ['89831004814000', '8983100481400012', '89831004814000_'], 'A002 MID must be 15 letters or digits'],
    ['A003', ['', 'x'.repeat(40), '商'.repeat(13)], ['x'.repeat(41), '商'.repeat(14), 'bad\ud800'], 'A003 merchant name must be text of at most 40 bytes in UTF-8'],
    ['A008', ['6000030000', 'ABCDEFabcd'], ['600003000', '60000300000', '600003000G'], 'A008 TPDU must be 10 hex digits'],
    ['A009', ['000001'], ['1', '0000001', '00000a'], 'A009 STAN must be 6 digits'],
    ['A00A', ['000012'], ['12'], 'A00A batch number must be 6 digits'],
    ['A00B', ['1', '2', '3', '4'], ['0', '5', '11', ''], 'A00B communication mode must be 1 (dial), 2 (cellular), 3 (ethernet) or 4 (wifi)'],
    ['A010', ['123456', '12345678901'], ['12345', '123456789012', '12345a'], 'A010 acquirer institution id must be 6 to 11 digits'],
    ['A011', ['h:1', 'host.example:65535', '[::1]:443', '主机:80'], ['host', ':80', 'host:', 'host:0', 'host:65536', 'host:080', 'my host:80', 'host:8a', 'host: 80'], 'A011 primary host must be host:port with a non-empty host without spaces and a port from 1 to 65535'],
    ['A012', ['10.0.0.1:5001'], ['10.0.0.1'], 'A012 backup host must be host:port with a non-empty host without spaces and a port from 1 to 65535'],
    ['A013', ['003'], ['03', '0003'], 'A013 NII must be 3 digits'],
    ['A014', ['5411'], ['541', '54111'], 'A014 MCC must be 4 digits'],
    ['A015', ['', 'y'.repeat(64)], ['y'.repeat(65)], 'A015 receipt header must be text of at most 64 bytes in UTF-8'],
    ['A016', ['0', '1'], ['2', '', 'true'], 'A016 TLS must be "0" or "1"'],
    ['E0E0', ['01', '99'], ['1', '001', 'a1'], 'E0E0 master key index must be 2 digits'],
    ['E0E1', ['A1B2C3', 'a1b2c3'], ['A1B2C', 'A1B2C3D', 'A1B2CG'], 'E0E1 master key check value must be 6 hex digits'],
  ])('checks %s', (tag, good, bad, message) => {
    for (const value of good) expect(validateParameterValue(tag, value), `${tag}=${value}`).toBeUndefined();
    for (const value of bad) expect(validateParameterValue(tag, value), `${tag}=${value}`).toMatchObject({ tag, message });
  });

  it('has no opinion on unknown tags', () => {
    expect(validateParameterValue('B000', 'x')).toBeUndefined();
    expect(validateParameterValue('zz', 'x')).toBeUndefined();
  });

  it('checks host:port on its own', () => {
    expect(checkHostPort('pos.acquirer.example:8443')).toBeUndefined();
    expect(checkHostPort('a\tb:1')).toEqual({ code: 'value-host-port', params: {} });
  });
});

describe('validateParameterSet', () => {
  it('accepts a complete set, with or without the optional A012', () => {
    expect(validateParameterSet(VALID)).toBeUndefined();
    expect(validateParameterSet(without(VALID, 'A012'))).toBeUndefined();
  });

  it('names a missing required tag', () => {
    expect(validateParameterSet(without(VALID, 'A014'))).toMatchObject({ tag: 'A014', message: 'A014 MCC is missing' });
  });

  it('refuses volatile and unknown tags', () => {
    expect(validateParameterSet({ ...VALID, A009: '000001' })?.tag).toBe('A009');
    expect(validateParameterSet({ ...VALID, A009: '000001' })?.message).toMatch(/volatile/);
    expect(validateParameterSet({ ...VALID, B000: 'x' })).toMatchObject({ tag: 'B000', message: 'B000 is not a parameter of RTP/1' });
  });

  it('reports the first offending tag in ascending tag order', () => {
    const params = { ...without(VALID, 'A013'), E0E1: 'zz', A003: 'x'.repeat(41), A014: '1' };
    expect(validateParameterSet(params)?.tag).toBe('A003');
    expect(validateParameterSet({ ...params, A003: 'ok' })?.tag).toBe('A013');
    expect(validateParameterSet({ ...params, A003: 'ok', A013: '001' })?.tag).toBe('A014');
    expect(validateParameterSet({ ...VALID, E0E1: 'zz', C000: '' })?.tag).toBe('C000');
  });

  it('refuses keys that are not 4 upper-case hex digits', () => {
    expect(validateParameterSet({ ...VALID, a001: '12345678' })?.tag).toBe('a001');
    expect(validateParameterSet({ ...VALID, TID: '1' })?.message).toMatch(/not a tag/);
  });
});

// The digest of a canonical set is SHA-256 through node:crypto in main (electron/main/terminal/parameter-digest.test.ts).
describe('canonicalParameterSet', () => {
  it('matches a hand-written encoding of a small set', () => {
    const bytes = canonicalParameterSet({ A003: '商', A009: '000001', A001: '12345678' });
    expect(Buffer.from(bytes).toString('hex')).toBe('a001083132333435363738' + 'a00303e59586');
  });

  it('sorts by tag, drops the volatile tags and uses shortest lengths', () => {
    const params = { ...VALID, A009: '000123', A00A: '000012', A015: 'é'.repeat(32) };
    expect(Buffer.from(canonicalParameterSet(params)).equals(refCanonical(params))).toBe(true);
  });

  it('does not depend on key order (property)', () => {
    const keys = Object.keys(VALID);
    fc.assert(
      fc.property(fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }), (order) => {
        const shuffled = Object.fromEntries(order.map((k) => [k, VALID[k]!]));
        expect(Buffer.from(canonicalParameterSet(shuffled)).equals(refCanonical(VALID))).toBe(true);
      }),
    );
  });

  it('refuses keys that are not tags', () => {
    expect(() => canonicalParameterSet({ A01: 'x' })).toThrow(RtpError);
    expect(() => canonicalParameterSet({ a001: 'x' })).toThrow(/upper-case/);
  });
});

describe('parseStagedSet (VERIFY_STAGE)', () => {
  const staged = refCanonical(VALID);

  it('accepts the canonical set and returns its parameters', () => {
    expect(parseStagedSet(staged)).toEqual({ ok: true, params: VALID });
  });

  it('answers 02 for an unparsable set', () => {
    const result = parseStagedSet(staged.subarray(0, staged.length - 1));
    expect(result.ok ? null : [result.rc, 'reason' in result ? result.reason : null]).toEqual([ResultCode.MALFORMED, 'unparsable']);
    const indefinite = parseStagedSet(Uint8Array.of(0xa0, 0x01, 0x80));
    expect(indefinite.ok ? null : indefinite.rc).toBe(ResultCode.MALFORMED);
  });

  it('answers 02 for an unsorted set', () => {
    const bytes = Buffer.concat([refTlv(0xa002, Buffer.from(VALID.A002!)), refTlv(0xa001, Buffer.from(VALID.A001!))]);
    const result = parseStagedSet(bytes);
    expect(result.ok ? null : [result.rc, 'reason' in result ? result.reason : null]).toEqual([ResultCode.MALFORMED, 'unsorted']);
  });

  it('answers 02 for a duplicate tag', () => {
    const bytes = Buffer.concat([refTlv(0xa001, Buffer.from('12345678')), refTlv(0xa001, Buffer.from('12345678'))]);
    const result = parseStagedSet(bytes);
    expect(result.ok ? null : [result.rc, 'reason' in result ? result.reason : null]).toEqual([ResultCode.MALFORMED, 'duplicate']);
  });

  it('answers 02 for a non-shortest length', () => {
    const long = Buffer.from([0xa0, 0x01, 0x81, 0x08, ...Buffer.from('12345678'), ...staged.subarray(11)]);
    expect(staged.subarray(0, 3).toString('hex')).toBe('a00108');
    const result = parseStagedSet(long);
    expect(result.ok ? null : [result.rc, 'reason' in result ? result.reason : null]).toEqual([ResultCode.MALFORMED, 'non-shortest']);
  });

  it('answers 03 naming a bad value, a missing tag, a volatile or unknown tag, or bad UTF-8', () => {
    const rc03 = (bytes: Uint8Array) => {
      const result = parseStagedSet(bytes);
      return result.ok ? null : [result.rc, 'tag' in result ? result.tag : null];
    };
    expect(rc03(refCanonical({ ...VALID, A013: '3' }))).toEqual([ResultCode.INVALID_VALUE, 'A013']);
    expect(rc03(refCanonical(without(VALID, 'A002')))).toEqual([ResultCode.INVALID_VALUE, 'A002']);
    // refCanonical drops volatile tags, so splice A00A in by hand, in tag order before A00B.
    const a00b = staged.indexOf(Buffer.from([0xa0, 0x0b]));
    expect(rc03(Buffer.concat([staged.subarray(0, a00b), refTlv(0xa00a, Buffer.from('000001')), staged.subarray(a00b)]))).toEqual([ResultCode.INVALID_VALUE, 'A00A']);
    expect(rc03(Buffer.concat([staged, refTlv(0xf001, Buffer.from('1'))]))).toEqual([ResultCode.INVALID_VALUE, 'F001']);
    const badUtf8 = Buffer.concat([refTlv(0xa001, Buffer.from('12345678')), refTlv(0xa002, Buffer.from([0xff]))]);
    const result = parseStagedSet(badUtf8);
    expect(result.ok ? null : result.message).toBe('A002 MID is not valid UTF-8');
  });

  it('accepts exactly what canonicalParameterSet produces for valid sets (property)', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const setArb = fc.record({
      A001: fc.stringMatching(/^[A-Za-z0-9]{8}$/),
      A002: fc.stringMatching(/^[A-Za-z0-9]{15}$/),
      A003: fc.string({ unit: 'grapheme', maxLength: 10 }).filter((s) => Buffer.byteLength(s) <= 40),
      A008: fc.stringMatching(/^[0-9a-fA-F]{10}$/),
      A00B: fc.constantFrom('1', '2', '3', '4'),
      A010: fc.stringMatching(/^[0-9]{6,11}$/),
      A011: fc.tuple(fc.stringMatching(/^[a-z0-9.-]{1,20}$/), fc.integer({ min: 1, max: 65535 })).map(([h, p]) => `${h}:${p}`),
      A013: digits(3),
      A014: digits(4),
      A015: fc.string({ unit: 'grapheme-ascii', maxLength: 64 }),
      A016: fc.constantFrom('0', '1'),
      E0E0: digits(2),
      E0E1: fc.stringMatching(/^[0-9a-fA-F]{6}$/),
    });
    fc.assert(
      fc.property(setArb, (params) => {
        expect(validateParameterSet(params)).toBeUndefined();
        expect(parseStagedSet(canonicalParameterSet(params))).toEqual({ ok: true, params });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = parseStagedSet(bytes);
        expect(result.ok || result.rc === ResultCode.MALFORMED || result.rc === ResultCode.INVALID_VALUE).toBe(true);
      }),
    );
  });
});

describe('parametersFromTlvs (GET_PARAMS read-back)', () => {
  it('collects parameter tags and skips F0xx protocol tags', () => {
    const tlvs = [
      { tag: 0xa001, value: Buffer.from('12345678') },
      { tag: 0xa009, value: Buffer.from('000001') },
      { tag: 0xf041, value: Buffer.from('2') },
    ];
    expect(parametersFromTlvs(tlvs)).toEqual({ ok: true, params: { A001: '12345678', A009: '000001' } });
  });

  it('refuses a tag read twice or a value that is not UTF-8', () => {
    expect(parametersFromTlvs([{ tag: 0xa001, value: Buffer.from('1') }, { tag: 0xa001, value: Buffer.from('2') }])).toMatchObject({ ok: false, tag: 'A001' });
    expect(parametersFromTlvs([{ tag: 0xa003, value: Uint8Array.of(0xc0, 0x80) }])).toMatchObject({ ok: false, tag: 'A003' });
  });
});
