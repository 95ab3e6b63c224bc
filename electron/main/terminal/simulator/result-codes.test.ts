import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../../shared/bytes';
import { canonicalParameterSet, Command, decimalTlv, encodeTlvs, ResultCode, Tag, textTlv } from '../../../../shared/rtp';
import { parameterDigest } from '../parameter-digest';
import { SAMPLE_NEW_PARAMETERS } from '../../../../tests/fixtures/rtp-vectors';
import { stageBytes, startRig, stageParameters, tlvMap } from '../../../../tests/integration/simulator/harness';
import type { Rig } from '../../../../tests/integration/simulator/harness';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const NEW_SET = canonicalParameterSet(SAMPLE_NEW_PARAMETERS);
const NEW_DIGEST = parameterDigest(NEW_SET);
const beginTlvs = (length = NEW_SET.length, digest = NEW_DIGEST) => [decimalTlv(Tag.F060, length), { tag: Tag.F008, value: digest }];
const putTlvs = (offset: number, chunk: Uint8Array) => [decimalTlv(Tag.F061, offset), { tag: Tag.F062, value: chunk }];

/** Sends a raw body and returns the final response. */
async function raw(r: Rig, body: number[]) {
  await r.host.sendBody(Uint8Array.from(body));
  await r.host.expectControl(0x06);
  return r.host.expectResponse();
}

describe('request checks (PROTOCOL.md §2)', () => {
  it('answers a body under 2 bytes with RC 02, SEQ and CMD 00', async () => {
    rig = startRig();
    expect(await raw(rig, [])).toMatchObject({ seq: 0, cmd: 0, rc: ResultCode.MALFORMED });
    expect(await raw(rig, [0x07])).toMatchObject({ seq: 0, cmd: 0, rc: ResultCode.MALFORMED });
  });

  it('answers an unknown command (and a request with the response bit) with RC 01', async () => {
    rig = startRig();
    expect(await raw(rig, [5, 0x42])).toMatchObject({ seq: 5, cmd: 0x42, rc: ResultCode.UNKNOWN_COMMAND });
    expect(await raw(rig, [6, 0x81])).toMatchObject({ seq: 6, rc: ResultCode.UNKNOWN_COMMAND });
  });

  it('checks 01 before 02: an unknown command with broken TLVs is 01', async () => {
    rig = startRig();
    expect(await raw(rig, [1, 0x42, 0xf0])).toMatchObject({ rc: ResultCode.UNKNOWN_COMMAND });
  });

  it('answers 02 for a tag the command does not take, a duplicate tag, a missing tag, and length forms 80 and 83', async () => {
    rig = startRig();
    expect((await rig.host.exchange(1, Command.HELLO, [textTlv(Tag.F040, '1')])).final.rc).toBe(ResultCode.MALFORMED);
    expect((await rig.host.exchange(2, Command.GET_PARAMS, [textTlv(Tag.F040, '1'), textTlv(Tag.F040, '2')])).final.rc).toBe(ResultCode.MALFORMED);
    expect((await rig.host.exchange(3, Command.BEGIN_STAGE, [decimalTlv(Tag.F060, 165)])).final.rc).toBe(ResultCode.MALFORMED);
    expect(await raw(rig, [4, Command.GET_PARAMS, 0xf0, 0x40, 0x80, 0x31])).toMatchObject({ rc: ResultCode.MALFORMED });
    expect(await raw(rig, [5, Command.GET_PARAMS, 0xf0, 0x40, 0x83, 0, 0, 1, 0x31])).toMatchObject({ rc: ResultCode.MALFORMED });
    // The longer 81 form is accepted in requests.
    expect(await raw(rig, [6, Command.GET_PARAMS, 0xf0, 0x40, 0x81, 0x01, 0x31])).toMatchObject({ rc: ResultCode.OK });
  });

  it('checks 02 before 0A, and 0A before 03', async () => {
    rig = startRig({ initialState: { locked: true } });
    expect((await rig.host.exchange(1, Command.BEGIN_STAGE, [decimalTlv(Tag.F060, 165)])).final.rc).toBe(ResultCode.MALFORMED);
    expect((await rig.host.exchange(2, Command.BEGIN_STAGE, [textTlv(Tag.F060, 'abc'), { tag: Tag.F008, value: NEW_DIGEST }])).final.rc).toBe(ResultCode.LOCKED);
  });

  it('answers 03 naming the lowest bad request tag', async () => {
    rig = startRig();
    const both = await rig.host.exchange(1, Command.BEGIN_STAGE, [textTlv(Tag.F060, '0'), { tag: Tag.F008, value: new Uint8Array(31) }]);
    expect(both.final.rc).toBe(ResultCode.INVALID_VALUE);
    expect(tlvMap(both.final)).toEqual({ F020: 'F008' });
    const length = await rig.host.exchange(2, Command.BEGIN_STAGE, [textTlv(Tag.F060, '70000'), { tag: Tag.F008, value: NEW_DIGEST }]);
    expect(tlvMap(length.final)).toEqual({ F020: 'F060' });
  });

  it('answers a malformed cursor and a cursor past the end with 03 naming F040', async () => {
    rig = startRig({ paging: { paramsPerPage: 8 } });
    for (const [seq, cursor] of [[1, 'x'], [2, '0'], [3, '16'], [4, '99']] as const) {
      const { final } = await rig.host.exchange(seq, Command.GET_PARAMS, [textTlv(Tag.F040, cursor)]);
      expect(final.rc, cursor).toBe(ResultCode.INVALID_VALUE);
      expect(tlvMap(final)).toEqual({ F020: 'F040' });
    }
    const journal = await rig.host.exchange(5, Command.EXPORT_JOURNAL, [textTlv(Tag.F040, '3')]);
    expect(tlvMap(journal.final)).toEqual({ F020: 'F040' });
    expect((await rig.host.exchange(6, Command.GET_PARAMS, [textTlv(Tag.F040, '15')])).final.rc).toBe(ResultCode.OK);
  });
});

describe('staging result codes (PROTOCOL.md §3)', () => {
  it('refuses every staging command with 0A when locked, but still serves reads, SETTLE, SIGN_ON, ECHO_TEST, PRINT_TEST, ABORT_STAGE', async () => {
    rig = startRig({ initialState: { locked: true } });
    let seq = 1;
    const refused = [
      [Command.BEGIN_STAGE, beginTlvs()],
      [Command.PUT_STAGE, putTlvs(0, NEW_SET.subarray(0, 10))],
      [Command.VERIFY_STAGE, []],
      [Command.COMMIT, []],
      [Command.ROLLBACK, []],
      [Command.CONFIRM, []],
    ] as const;
    for (const [cmd, tlvs] of refused) expect((await rig.host.exchange(seq++, cmd, tlvs)).final.rc, `cmd ${cmd}`).toBe(ResultCode.LOCKED);
    for (const cmd of [Command.HELLO, Command.GET_BATCH, Command.GET_PARAMS, Command.EXPORT_JOURNAL, Command.SETTLE, Command.SIGN_ON, Command.ECHO_TEST, Command.PRINT_TEST, Command.ABORT_STAGE]) {
      expect((await rig.host.exchange(seq++, cmd)).final.rc, `cmd ${cmd}`).toBe(ResultCode.OK);
    }
    expect(tlvMap((await rig.host.exchange(seq++, Command.HELLO)).final)['F00A']).toBe('1');
    rig.simulator.setLocked(false);
    expect((await rig.host.exchange(seq++, Command.BEGIN_STAGE, beginTlvs())).final.rc).toBe(ResultCode.OK);
  });

  it('PUT without BEGIN is 04; a wrong offset is 04 with F061; a chunk past F060 is 03 naming F062', async () => {
    rig = startRig();
    expect((await rig.host.exchange(1, Command.PUT_STAGE, putTlvs(0, NEW_SET.subarray(0, 10)))).final.rc).toBe(ResultCode.WRONG_STATE);
    await rig.host.exchange(2, Command.BEGIN_STAGE, beginTlvs());
    expect(tlvMap((await rig.host.exchange(3, Command.PUT_STAGE, putTlvs(0, NEW_SET.subarray(0, 100)))).final)).toEqual({ F061: '100' });
    const skip = await rig.host.exchange(4, Command.PUT_STAGE, putTlvs(120, NEW_SET.subarray(120, 130)));
    expect(skip.final.rc).toBe(ResultCode.WRONG_STATE);
    expect(tlvMap(skip.final)).toEqual({ F061: '100' });
    const again = await rig.host.exchange(5, Command.PUT_STAGE, putTlvs(0, NEW_SET.subarray(0, 10)));
    expect(tlvMap(again.final)).toEqual({ F061: '100' });
    const overflow = await rig.host.exchange(6, Command.PUT_STAGE, putTlvs(100, new Uint8Array(66)));
    expect(overflow.final.rc).toBe(ResultCode.INVALID_VALUE);
    expect(tlvMap(overflow.final)).toEqual({ F020: 'F062' });
    expect(rig.simulator.snapshot().stagedBytes).toBe(100);
  });

  it('BEGIN while a stage is open discards it and starts again', async () => {
    rig = startRig();
    await rig.host.exchange(1, Command.BEGIN_STAGE, beginTlvs());
    await rig.host.exchange(2, Command.PUT_STAGE, putTlvs(0, NEW_SET.subarray(0, 100)));
    expect((await rig.host.exchange(3, Command.BEGIN_STAGE, beginTlvs())).final.rc).toBe(ResultCode.OK);
    expect(rig.simulator.snapshot().stagedBytes).toBe(0);
    expect(tlvMap((await rig.host.exchange(4, Command.PUT_STAGE, putTlvs(0, NEW_SET))).final)).toEqual({ F061: '165' });
  });

  it('VERIFY: 04 without a stage and when incomplete (no F008), 06 with F008 on a digest mismatch', async () => {
    rig = startRig();
    expect((await rig.host.exchange(1, Command.VERIFY_STAGE)).final).toMatchObject({ rc: ResultCode.WRONG_STATE, tlvs: [] });
    await rig.host.exchange(2, Command.BEGIN_STAGE, beginTlvs(NEW_SET.length, new Uint8Array(32)));
    await rig.host.exchange(3, Command.PUT_STAGE, putTlvs(0, NEW_SET.subarray(0, 50)));
    expect((await rig.host.exchange(4, Command.VERIFY_STAGE)).final).toMatchObject({ rc: ResultCode.WRONG_STATE, tlvs: [] });
    await rig.host.exchange(5, Command.PUT_STAGE, putTlvs(50, NEW_SET.subarray(50)));
    const mismatch = await rig.host.exchange(6, Command.VERIFY_STAGE);
    expect(mismatch.final.rc).toBe(ResultCode.DIGEST_MISMATCH);
    expect(tlvMap(mismatch.final)).toEqual({ F008: bytesToHex(NEW_DIGEST) });
  });

  it('VERIFY: 02 for staged bytes that are not canonical (unsorted, non-shortest), with F008', async () => {
    rig = startRig();
    const unsorted = encodeTlvs([textTlv(Tag.A002, '105290058120007'), textTlv(Tag.A001, '87654321')]);
    const nonShortest = Uint8Array.of(0xa0, 0x01, 0x81, 0x08, ...new TextEncoder().encode('87654321'));
    let seq = 1;
    for (const bytes of [unsorted, nonShortest]) {
      const digest = parameterDigest(bytes);
      await rig.host.exchange(seq++, Command.BEGIN_STAGE, beginTlvs(bytes.length, digest));
      await rig.host.exchange(seq++, Command.PUT_STAGE, putTlvs(0, bytes));
      const { final } = await rig.host.exchange(seq++, Command.VERIFY_STAGE);
      expect(final.rc).toBe(ResultCode.MALFORMED);
      expect(tlvMap(final)).toEqual({ F008: bytesToHex(digest) });
    }
  });

  it('VERIFY: 03 naming the lowest bad or missing tag, F020 before F008', async () => {
    rig = startRig();
    const { A014: _mcc, ...withoutMcc } = SAMPLE_NEW_PARAMETERS;
    // A volatile tag never makes it into canonicalParameterSet, so that set is written out by hand.
    const withStan = encodeTlvs(
      Object.entries({ ...SAMPLE_NEW_PARAMETERS, A009: '000001' })
        .map(([key, value]) => textTlv(Number.parseInt(key, 16), value))
        .sort((a, b) => a.tag - b.tag),
    );
    const cases: Array<[Uint8Array, string]> = [
      [canonicalParameterSet({ ...SAMPLE_NEW_PARAMETERS, A013: '12' }), 'A013'],
      [canonicalParameterSet({ ...SAMPLE_NEW_PARAMETERS, A013: '12', A001: 'short' }), 'A001'],
      [canonicalParameterSet(withoutMcc), 'A014'],
      [withStan, 'A009'],
    ];
    let seq = 1;
    for (const [bytes, tag] of cases) {
      const staged = await stageBytes(rig.host, seq, bytes);
      seq = staged.nextSeq;
      expect(staged.verify.final.rc, tag).toBe(ResultCode.INVALID_VALUE);
      expect(staged.verify.final.tlvs.map((t) => t.tag)).toEqual([Tag.F020, Tag.F008]);
      expect(tlvMap(staged.verify.final)).toEqual({ F020: tag, F008: bytesToHex(staged.digest) });
    }
  });

  it('COMMIT: 04 without a verified stage, 05 with a batch, a reversal or offline records pending', async () => {
    rig = startRig();
    expect((await rig.host.exchange(1, Command.COMMIT)).final.rc).toBe(ResultCode.WRONG_STATE);
    const staged = await stageParameters(rig.host, 2, SAMPLE_NEW_PARAMETERS);
    expect((await rig.host.exchange(staged.nextSeq, Command.COMMIT)).final.rc).toBe(ResultCode.BATCH_NOT_EMPTY);
    expect(rig.simulator.snapshot()).toMatchObject({ activeSlot: 'A', stageVerified: true });
    await rig.close();

    rig = startRig({ initialState: { journal: [], reversalPending: true } });
    const again = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    expect((await rig.host.exchange(again.nextSeq, Command.COMMIT)).final.rc).toBe(ResultCode.BATCH_NOT_EMPTY);
    await rig.host.exchange(again.nextSeq + 1, Command.SETTLE);
    expect((await rig.host.exchange(again.nextSeq + 2, Command.COMMIT)).final.rc).toBe(ResultCode.OK);
  });

  it('COMMIT writes over an unconfirmed previous set; ROLLBACK without a previous slot is 04; CONFIRM without one is 00', async () => {
    rig = startRig({ initialState: { journal: [] } });
    expect((await rig.host.exchange(1, Command.ROLLBACK)).final.rc).toBe(ResultCode.WRONG_STATE);
    expect((await rig.host.exchange(2, Command.CONFIRM)).final.rc).toBe(ResultCode.OK);
    const first = await stageParameters(rig.host, 3, SAMPLE_NEW_PARAMETERS);
    await rig.host.exchange(first.nextSeq, Command.COMMIT);
    const third = { ...SAMPLE_NEW_PARAMETERS, A001: '11112222' };
    const second = await stageParameters(rig.host, first.nextSeq + 1, third);
    const commit = await rig.host.exchange(second.nextSeq, Command.COMMIT);
    expect(tlvMap(commit.final)).toEqual({ F007: 'A', F008: bytesToHex(second.digest) });
    const back = await rig.host.exchange(second.nextSeq + 1, Command.ROLLBACK);
    expect(tlvMap(back.final)).toEqual({ F007: 'B', F008: bytesToHex(first.digest) });
  });
});

describe('acquirer host results', () => {
  it('answers 08 without F030 (no host, no field 39) but with F031 for SIGN_ON and ECHO_TEST, and bare 08 for SETTLE, when the host is unreachable', async () => {
    rig = startRig({ processing: { hostTimeoutMs: 40 } });
    rig.simulator.setHostReachable(false);
    const sign = await rig.host.exchange(1, Command.SIGN_ON);
    expect(sign.final.rc).toBe(ResultCode.HOST_FAILED);
    expect(tlvMap(sign.final)).toEqual({ F031: '40' });
    expect(tlvMap((await rig.host.exchange(2, Command.ECHO_TEST)).final)).toEqual({ F031: '40' });
    const settle = await rig.host.exchange(3, Command.SETTLE);
    expect(settle.final.rc).toBe(ResultCode.HOST_FAILED);
    expect(tlvMap(settle.final)).toEqual({});
    expect(rig.simulator.snapshot().batch.count).toBe(3);
    expect(rig.simulator.snapshot().params['A009']).toBe('000126');
    rig.simulator.setHostReachable(true);
    expect((await rig.host.exchange(4, Command.SIGN_ON)).final.rc).toBe(ResultCode.OK);
  });

  it('leaves F030 out for an unreachable host when unreachableCode is null', async () => {
    rig = startRig({ initialState: { host: { reachable: false, responseCode: '00', unreachableCode: null, totalsBalance: true } } });
    expect(tlvMap((await rig.host.exchange(1, Command.ECHO_TEST)).final)).toEqual({ F031: '0' });
  });
});
