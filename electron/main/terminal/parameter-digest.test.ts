import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../shared/bytes';
import { canonicalParameterSet } from '../../../shared/rtp';
import { SAMPLE_NEW_CANONICAL_HEX, SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX, SAMPLE_OLD_PARAMETERS } from '../../../tests/fixtures/rtp-vectors';
import { parameterDigest } from './parameter-digest';

describe('parameterDigest', () => {
  it('is SHA-256 (the FIPS 180-4 examples)', () => {
    expect(bytesToHex(parameterDigest(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(bytesToHex(parameterDigest(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the documented digests of the sample sets (docs/protocol.md §4)', () => {
    expect(bytesToHex(canonicalParameterSet(SAMPLE_NEW_PARAMETERS))).toBe(SAMPLE_NEW_CANONICAL_HEX);
    expect(bytesToHex(parameterDigest(canonicalParameterSet(SAMPLE_NEW_PARAMETERS)))).toBe(SAMPLE_NEW_DIGEST_HEX);
    expect(bytesToHex(parameterDigest(canonicalParameterSet(SAMPLE_OLD_PARAMETERS)))).toBe(SAMPLE_OLD_DIGEST_HEX);
  });

  it('returns a plain 32-byte Uint8Array, as the F008 TLV value wants', () => {
    const digest = parameterDigest(new Uint8Array([1, 2, 3]));
    expect(digest.constructor).toBe(Uint8Array);
    expect(digest.length).toBe(32);
  });
});
