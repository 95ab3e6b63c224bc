// The simulator must produce the documented test vectors of docs/protocol.md §8 byte for byte when
// it is set up as the vectors' sample terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../../../../shared/bytes';
import { canonicalParameterSet, Command, decimalTlv, encodeFrame, encodeRequest, Tag } from '../../../../shared/rtp';
import { parameterDigest } from '../parameter-digest';
import { PROTOCOL_VECTORS, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_PARAMETERS } from '../../../../tests/fixtures/rtp-vectors';
import { startRig, stageParameters } from '../../../../tests/integration/simulator/harness';
import type { Rig } from '../../../../tests/integration/simulator/harness';
import { describe as describeItem } from '../../../../tests/integration/simulator/raw-host';
import { defaultSimulatorState } from './default-state';
import type { ProcessingTimes } from './processing-times';
import type { SimulatorStateInit } from './terminal-state';

function vectorBytes(id: string): Uint8Array {
  const vector = PROTOCOL_VECTORS.find((v) => v.id === id);
  if (vector === undefined) throw new Error(`No vector ${id} in tests/fixtures/rtp-vectors.ts.`);
  return hexToBytes(vector.hex);
}

const request = (seq: number, cmd: number) => encodeFrame(encodeRequest({ seq, cmd, tlvs: [] }));
const hex = (bytes: Uint8Array) => bytesToHex(bytes, { separator: ' ', uppercase: true });
const expected = (id: string) => hex(vectorBytes(id));

const { A009: _stan, A00A: _batch, ...oldSet } = SAMPLE_OLD_PARAMETERS;

/** The sample terminal of the vectors. */
const SAMPLE_STATE: Partial<SimulatorStateInit> = {
  identity: { vendor: 'RebindDesk', model: 'RTP-SIM-1', serialNumber: 'SIM0000001', firmware: '1.0.0', maxBody: 1024 },
  slots: { A: oldSet, B: null },
  stan: 123,
  batchNumber: 12,
  journal: defaultSimulatorState().journal,
};

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function sampleRig(state: Partial<SimulatorStateInit> = {}, processing: Partial<ProcessingTimes> = {}): Rig {
  return startRig({
    initialState: { ...SAMPLE_STATE, ...state },
    paging: { paramsPerPage: 8, recordsPerPage: 2 },
    processing: { signOnMs: 850, echoTestMs: 412, ...processing },
  });
}

/** Sends request bytes, expects ACK, and returns every frame up to the final response, as hex. */
async function play(r: Rig, request: Uint8Array | string): Promise<string[]> {
  await r.host.write(typeof request === 'string' ? vectorBytes(request) : request);
  await r.host.expectControl(0x06);
  const frames: string[] = [];
  for (;;) {
    const item = await r.host.next(3000);
    if (item.kind !== 'frame' || item.response === undefined) throw new Error(`expected a response, got ${describeItem(item)}`);
    frames.push(hex(encodeFrame(item.body)));
    if (item.response.rc !== 0x7f) return frames;
  }
}

describe('the simulator reproduces the documented vectors', () => {
  it('answers the safe rebinding session of docs/protocol.md §8.1 byte for byte', async () => {
    rig = sampleRig();
    for (const name of ['hello', 'get-batch', 'get-params', 'get-params-next', 'export-journal', 'export-journal-next']) {
      expect(await play(rig, `${name}-req`), name).toEqual([expected(`${name}-res`)]);
    }
    const settle = await play(rig, 'settle-req');
    expect(settle).toContain(expected('settle-interim'));
    expect(settle.at(-1)).toBe(expected('settle-res'));
    for (const name of ['begin-stage', 'put-stage', 'put-stage-last', 'verify-stage', 'commit', 'sign-on', 'echo-test', 'print-test']) {
      expect(await play(rig, `${name}-req`), name).toEqual([expected(`${name}-res`)]);
    }
    // The vectors show ROLLBACK as the alternative to CONFIRM; CONFIRM with nothing left to drop still answers 00.
    expect(await play(rig, 'rollback-req')).toEqual([expected('rollback-res')]);
    for (const name of ['confirm', 'abort-stage', 'reboot']) {
      expect(await play(rig, `${name}-req`), name).toEqual([expected(`${name}-res`)]);
    }
  }, 20_000);

  it('answers the request-check error vectors (01, 02, 03)', async () => {
    rig = sampleRig();
    for (const name of ['rc01', 'rc02-short', 'rc02-tag', 'rc03']) expect(await play(rig, `${name}-req`), name).toEqual([expected(`${name}-res`)]);
  });

  it('answers the staging error vectors (04 PUT, 04 COMMIT, 05, 03 VERIFY)', async () => {
    rig = sampleRig();
    // PUT at offset 64 when 128 of 165 bytes are in: stage the new set in 128-byte chunks but stop before the last.
    const canonical = canonicalParameterSet(SAMPLE_NEW_PARAMETERS);
    await rig.host.exchange(1, Command.BEGIN_STAGE, [decimalTlv(Tag.F060, canonical.length), { tag: Tag.F008, value: parameterDigest(canonical) }]);
    await rig.host.exchange(2, Command.PUT_STAGE, [decimalTlv(Tag.F061, 0), { tag: Tag.F062, value: canonical.subarray(0, 128) }]);
    expect(await play(rig, 'rc04-put-req')).toEqual([expected('rc04-put-res')]);
    // COMMIT with the stage incomplete (SEQ 25).
    expect(await play(rig, request(25, Command.COMMIT))).toEqual([expected('rc04-commit-res')]);
    // COMMIT with a verified stage but an open batch (SEQ 26).
    const staged = await stageParameters(rig.host, 100, SAMPLE_NEW_PARAMETERS);
    expect(staged.verify.final.rc).toBe(0);
    expect(await play(rig, request(26, Command.COMMIT))).toEqual([expected('rc05-res')]);
    // VERIFY (SEQ 23) of the new set with A013 = "12": BEGIN 20, PUT 21 and 22, VERIFY 23.
    const bad = await stageParameters(rig.host, 20, { ...SAMPLE_NEW_PARAMETERS, A013: '12' });
    const last = rig.host.received.at(-1);
    expect(bad.verify.final.rc).toBe(0x03);
    expect(last?.kind === 'frame' ? hex(encodeFrame(last.body)) : 'no frame').toBe(expected('rc03-verify-res'));
  });

  it('answers BEGIN_STAGE on a locked terminal with the 0A vector', async () => {
    rig = sampleRig({ locked: true });
    const canonical = canonicalParameterSet(SAMPLE_NEW_PARAMETERS);
    await rig.host.sendRequest(32, Command.BEGIN_STAGE, [decimalTlv(Tag.F060, canonical.length), { tag: Tag.F008, value: parameterDigest(canonical) }]);
    await rig.host.expectControl(0x06);
    const item = await rig.host.next();
    expect(item.kind === 'frame' ? hex(encodeFrame(item.body)) : describeItem(item)).toBe(expected('rc0a-res'));
  });

  it('answers SIGN_ON with the busy vector while SETTLE runs, and the declined vector when the host says 96', async () => {
    rig = sampleRig({ host: { reachable: true, responseCode: '96', unreachableCode: '91', totalsBalance: true } }, { settleMs: 300, settleInterims: 0, signOnMs: 1350 });
    await rig.host.sendRequest(7, Command.SETTLE);
    await rig.host.expectControl(0x06);
    await rig.host.write(request(28, Command.SIGN_ON));
    await rig.host.expectControl(0x06);
    const busy = await rig.host.next();
    expect(busy.kind === 'frame' ? hex(encodeFrame(busy.body)) : describeItem(busy)).toBe(expected('rc07-res'));
    await rig.host.next(2000); // SETTLE's own answer (declined as well)
    expect(await play(rig, request(29, Command.SIGN_ON))).toEqual([expected('rc08-declined-res')]);
  });
});
