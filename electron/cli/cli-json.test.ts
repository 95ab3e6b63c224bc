// The CLI's --json objects are a presentation of the app's one identity and batch: same values,
// a fixed key order scripts can rely on, and no protocol version (HELLO only answers RTP/1).
import { describe, expect, it } from 'vitest';
import { terminalIdentitySchema, type TerminalIdentity } from '../../shared/terminal/terminal-identity';
import { SAMPLE_OLD_DIGEST_HEX } from '../../tests/fixtures/rtp-vectors';
import { batchJson, identityJson, paramsJson } from './cli-json';

const canonical: TerminalIdentity = terminalIdentitySchema.parse({
  protocolVersion: '1',
  locked: true,
  maxBody: 4096,
  serialNumber: 'SIM0000001',
  vendor: 'RebindDesk',
  model: 'RTP-SIM-1',
  firmware: '1.0.0',
  tid: '12345678',
  mid: '898310048140001',
  acquirerId: '48021000',
  activeSlot: 'B',
  activeDigest: SAMPLE_OLD_DIGEST_HEX,
  previousSlot: true,
});

describe('the CLI JSON', () => {
  it('info --json is the canonical identity without the protocol version, in a fixed key order', () => {
    const { protocolVersion: _version, ...rest } = canonical;
    expect(identityJson(canonical)).toEqual(rest);
    expect(Object.keys(identityJson(canonical))).toEqual(['vendor', 'model', 'serialNumber', 'firmware', 'tid', 'mid', 'acquirerId', 'activeSlot', 'activeDigest', 'previousSlot', 'locked', 'maxBody']);
  });

  it('params --json sorts the tags and gives the digest in lower case', () => {
    const json = paramsJson({ params: { A014: '5411', A001: '12345678' }, digestHex: SAMPLE_OLD_DIGEST_HEX.toUpperCase() });
    expect(Object.keys(json.params)).toEqual(['A001', 'A014']);
    expect(json.digest).toBe(SAMPLE_OLD_DIGEST_HEX);
  });

  it('batch --json keeps the batch summary in its stable key order', () => {
    const batch = { batchNumber: '000012', offlinePending: 1, reversalPending: false, totalFen: 15800, count: 3 };
    expect(batchJson(batch)).toEqual(batch);
    expect(Object.keys(batchJson(batch))).toEqual(['count', 'totalFen', 'reversalPending', 'offlinePending', 'batchNumber']);
  });
});
