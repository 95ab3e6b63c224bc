// Checks every documented vector three ways: its bytes equal an independent reference encoding of
// its meaning, the codec decodes them back to that meaning, and docs/protocol.md shows the same bytes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandName } from './commands';
import { FrameDecoder } from './frame-decoder';
import type { DecoderEvent } from './frame-decoder';
import { decodeRequest, decodeResponse } from './message';
import { validateParameterSet } from './parameter-set';
import { decodeTlvs } from './tlv';
import type { Tlv } from './tlv';
import { PROTOCOL_VECTORS, SAMPLE_NEW_CANONICAL_HEX, SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX, SAMPLE_OLD_PARAMETERS } from '../../tests/fixtures/rtp-vectors';
import type { ProtocolVector, VectorTlv, VectorValue } from '../../tests/fixtures/rtp-vectors';

// ---- an independent reference encoder, written from PROTOCOL.md without the codec

const CONTROL = { ACK: 0x06, NAK: 0x15, EOT: 0x04, ENQ: 0x05 } as const;
const COMMAND_NAMES: Record<number, string> = {
  0x01: 'HELLO', 0x02: 'GET_BATCH', 0x03: 'GET_PARAMS', 0x04: 'EXPORT_JOURNAL', 0x10: 'BEGIN_STAGE', 0x11: 'PUT_STAGE',
  0x12: 'VERIFY_STAGE', 0x13: 'COMMIT', 0x14: 'ABORT_STAGE', 0x15: 'ROLLBACK', 0x16: 'CONFIRM', 0x20: 'SETTLE',
  0x21: 'SIGN_ON', 0x22: 'ECHO_TEST', 0x23: 'PRINT_TEST', 0x30: 'REBOOT',
};

function refValue(value: VectorValue): Buffer {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if ('hex' in value) return Buffer.from(value.hex, 'hex');
  return refTlvs(value.group);
}

function refTlvs(list: readonly VectorTlv[]): Buffer {
  return Buffer.concat(
    list.map(([tag, value]) => {
      const v = refValue(value);
      const n = v.length;
      const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
      return Buffer.concat([Buffer.from(tag, 'hex'), Buffer.from(length), v]);
    }),
  );
}

function refFrame(body: Buffer): Buffer {
  const head = Buffer.from([0x02, body.length >> 8, body.length & 0xff]);
  let lrc = 0;
  for (const b of [...head.subarray(1), ...body, 0x03]) lrc ^= b;
  return Buffer.concat([head, body, Buffer.from([0x03, lrc])]);
}

function refCanonical(params: Readonly<Record<string, string>>): Buffer {
  const tags = Object.keys(params)
    .filter((t) => t !== 'A009' && t !== 'A00A')
    .sort((a, b) => parseInt(a, 16) - parseInt(b, 16));
  return refTlvs(tags.map((t): VectorTlv => [t, params[t]!]));
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function spaced(bytes: Buffer): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

function wire(vector: ProtocolVector): Buffer {
  return Buffer.from(vector.hex.replace(/ /g, ''), 'hex');
}

/** Compares decoded TLVs with the vector's meaning, recursing into groups. */
function expectTlvs(actual: readonly Tlv[], expected: readonly VectorTlv[], where: string): void {
  expect(actual.map((t) => t.tag.toString(16).toUpperCase().padStart(4, '0')), where).toEqual(expected.map(([tag]) => tag));
  expected.forEach(([, value], i) => {
    const item = actual[i]!;
    if (typeof value === 'object' && 'group' in value) {
      const inner = decodeTlvs(item.value);
      expect(inner.ok, where).toBe(true);
      if (inner.ok) expectTlvs(inner.items, value.group, `${where} group ${i}`);
    } else {
      expect(Buffer.from(item.value).equals(refValue(value)), `${where} value ${i}`).toBe(true);
    }
  });
}

function eventNotation(event: DecoderEvent): string {
  switch (event.type) {
    case 'frame':
      return 'frame';
    case 'control':
      return `control:${event.byte}`;
    case 'bad-frame':
    case 'discarding':
      return `${event.type}:${event.reason}`;
    case 'stalled':
      return `stalled:${event.received}`;
    case 'noise':
      return `noise:${event.count}`;
  }
}

// ---- the checks

describe('protocol vectors', () => {
  it('have unique ids and the PROTOCOL.md example as the first one', () => {
    expect(new Set(PROTOCOL_VECTORS.map((v) => v.id)).size).toBe(PROTOCOL_VECTORS.length);
    expect(PROTOCOL_VECTORS[0]?.hex).toBe('02 00 02 01 01 03 01');
  });

  it('cover a request and a response for every command of PROTOCOL.md §3', () => {
    for (const code of Object.keys(COMMAND_NAMES).map(Number)) {
      const kinds = PROTOCOL_VECTORS.filter((v) => (v.meaning.kind === 'request' || v.meaning.kind === 'response') && v.meaning.cmd === code).map((v) => v.meaning.kind);
      expect(kinds, COMMAND_NAMES[code]).toContain('request');
      expect(kinds, COMMAND_NAMES[code]).toContain('response');
    }
  });

  it('cover every result code', () => {
    const rcs = new Set(PROTOCOL_VECTORS.flatMap((v) => (v.meaning.kind === 'response' ? [v.meaning.rc] : [])));
    expect([...rcs].sort((a, b) => a - b)).toEqual([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x7f]);
  });

  it.each(PROTOCOL_VECTORS.map((v) => [v.id, v] as const))('%s: bytes match the reference encoding and decode to the documented meaning', (_id, vector) => {
    const bytes = wire(vector);
    const meaning = vector.meaning;
    if (meaning.kind === 'control') {
      expect([...bytes]).toEqual([CONTROL[meaning.name]]);
      expect(new FrameDecoder().push(bytes, 0).map(eventNotation)).toEqual([`control:${CONTROL[meaning.name]}`]);
      return;
    }
    if (meaning.kind === 'link') {
      const decoder = new FrameDecoder();
      const events = [...decoder.push(bytes, 0), ...decoder.tick(200)];
      expect(events.map(eventNotation)).toEqual(meaning.events);
      return;
    }
    const header = meaning.kind === 'request' ? [meaning.seq, meaning.cmd] : [meaning.seq, meaning.cmd | 0x80, meaning.rc];
    const body = Buffer.concat([Buffer.from(header), refTlvs(meaning.tlvs)]);
    // On a mismatch the message shows the reference bytes to put into tests/fixtures/rtp-vectors.ts and the doc.
    expect(vector.hex, 'reference encoding').toBe(spaced(refFrame(body)));

    const events = new FrameDecoder({ maxBody: 4096 }).push(bytes, 0);
    expect(events.map((e) => e.type)).toEqual(['frame']);
    const frame = events[0]!;
    if (frame.type !== 'frame') return;
    if (meaning.kind === 'request') {
      const decoded = decodeRequest(frame.body);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect([decoded.request.seq, decoded.request.cmd]).toEqual([meaning.seq, meaning.cmd]);
      expectTlvs(decoded.request.tlvs, meaning.tlvs, vector.id);
    } else {
      const decoded = decodeResponse(frame.body);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect([decoded.response.seq, decoded.response.cmd, decoded.response.rc]).toEqual([meaning.seq, meaning.cmd, meaning.rc]);
      expectTlvs(decoded.response.tlvs, meaning.tlvs, vector.id);
    }
    expect(commandName(meaning.cmd)).toBe(COMMAND_NAMES[meaning.cmd] ?? `CMD 0x${meaning.cmd.toString(16).padStart(2, '0').toUpperCase()}`);
  });
});

describe('sample parameter sets', () => {
  it('are valid, and their canonical bytes and digests match node:crypto over a reference encoding', () => {
    expect(validateParameterSet(SAMPLE_NEW_PARAMETERS)).toBeUndefined();
    expect(validateParameterSet(Object.fromEntries(Object.entries(SAMPLE_OLD_PARAMETERS).filter(([t]) => t !== 'A009' && t !== 'A00A')))).toBeUndefined();
    expect(SAMPLE_NEW_CANONICAL_HEX).toBe(refCanonical(SAMPLE_NEW_PARAMETERS).toString('hex'));
    expect(SAMPLE_NEW_DIGEST_HEX).toBe(sha256Hex(refCanonical(SAMPLE_NEW_PARAMETERS)));
    expect(SAMPLE_OLD_DIGEST_HEX).toBe(sha256Hex(refCanonical(SAMPLE_OLD_PARAMETERS)));
  });

  it('are what the staging vectors carry', () => {
    const tlv = (id: string, tag: string): VectorValue | undefined => {
      const meaning = PROTOCOL_VECTORS.find((v) => v.id === id)?.meaning;
      return meaning && 'tlvs' in meaning ? meaning.tlvs.find(([t]) => t === tag)?.[1] : undefined;
    };
    const canonical = Buffer.from(SAMPLE_NEW_CANONICAL_HEX, 'hex');
    expect(tlv('begin-stage-req', 'F060')).toBe(String(canonical.length));
    expect(tlv('begin-stage-req', 'F008')).toEqual({ hex: SAMPLE_NEW_DIGEST_HEX });
    const chunks = [tlv('put-stage-req', 'F062'), tlv('put-stage-last-req', 'F062')].map((v) => refValue(v!));
    expect(Buffer.concat(chunks).equals(canonical)).toBe(true);
    expect(tlv('put-stage-last-req', 'F061')).toBe(String(chunks[0]!.length));
    expect(tlv('verify-stage-res', 'F008')).toEqual({ hex: SAMPLE_NEW_DIGEST_HEX });
    expect(tlv('commit-res', 'F008')).toEqual({ hex: SAMPLE_NEW_DIGEST_HEX });
    expect(tlv('hello-res', 'F008')).toEqual({ hex: SAMPLE_OLD_DIGEST_HEX });
    expect(tlv('rollback-res', 'F008')).toEqual({ hex: SAMPLE_OLD_DIGEST_HEX });
    const badStage = refCanonical({ ...SAMPLE_NEW_PARAMETERS, A013: '12' });
    expect(tlv('rc03-verify-res', 'F008')).toEqual({ hex: sha256Hex(badStage) });
  });
});

describe('docs/protocol.md', () => {
  const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');

  /** id → hex of every "**`id`** …" heading followed by a ```hex block. */
  function documentedVectors(): Map<string, string> {
    const found = new Map<string, string>();
    const pattern = /^\*\*`([a-z0-9-]+)`\*\*[^\n]*\n\n```hex\n([\s\S]*?)\n```/gm;
    for (const match of doc.matchAll(pattern)) found.set(match[1]!, match[2]!.split('\n').join(' ').trim());
    return found;
  }

  it('documents exactly the fixture vectors, with the same bytes', () => {
    const documented = documentedVectors();
    expect([...documented.keys()]).toEqual(PROTOCOL_VECTORS.map((v) => v.id));
    for (const vector of PROTOCOL_VECTORS) expect(documented.get(vector.id), vector.id).toBe(vector.hex);
  });

  it('states the sample digests and canonical bytes', () => {
    const flat = doc.replace(/\s+/g, '').toLowerCase();
    expect(flat).toContain(SAMPLE_NEW_DIGEST_HEX);
    expect(flat).toContain(SAMPLE_OLD_DIGEST_HEX);
    expect(flat).toContain(SAMPLE_NEW_CANONICAL_HEX);
  });
});
