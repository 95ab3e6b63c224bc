import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../../shared/bytes';
import { canonicalParameterSet, Command, ResultCode, Tag, textTlv } from '../../../../shared/rtp';
import { parameterDigest } from '../parameter-digest';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../../../tests/fixtures/rtp-vectors';
import { startRig, stageParameters, tlvMap } from '../../../../tests/integration/simulator/harness';
import type { Rig } from '../../../../tests/integration/simulator/harness';
import { defaultSimulatorState } from './default-state';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** A demo terminal whose batch is empty, so COMMIT is allowed. */
function emptyBatchRig(): Rig {
  return startRig({ initialState: { journal: [] } });
}

describe('simulator happy paths, one command at a time', () => {
  it('answers ENQ with ACK', async () => {
    rig = startRig();
    await rig.host.write([0x05]);
    await rig.host.expectControl(0x06);
  });

  it('HELLO reports identity, binding and slot status of the demo terminal', async () => {
    rig = startRig();
    const { final } = await rig.host.exchange(1, Command.HELLO);
    expect(final).toMatchObject({ seq: 1, cmd: Command.HELLO, rc: ResultCode.OK });
    expect(final.tlvs.map((t) => t.tag)).toEqual([Tag.F001, Tag.F002, Tag.F003, Tag.F004, Tag.F005, Tag.F006, Tag.A001, Tag.A002, Tag.A010, Tag.F007, Tag.F008, Tag.F009, Tag.F00A]);
    expect(tlvMap(final)).toEqual({
      F001: '1',
      F002: '1024',
      F003: 'PAX',
      F004: 'A920',
      F005: '1170012345',
      F006: 'PayDroid 7.1.2',
      A001: '12345678',
      A002: '898310048140001',
      A010: '48021000',
      F007: 'A',
      F008: SAMPLE_OLD_DIGEST_HEX,
      F009: '0',
      F00A: '0',
    });
  });

  it('GET_BATCH reports the open batch', async () => {
    rig = startRig();
    const { final } = await rig.host.exchange(2, Command.GET_BATCH);
    expect(tlvMap(final)).toEqual({ F011: '3', F012: '15800', F013: '0', F014: '1', A00A: '000012' });
  });

  it('GET_PARAMS returns every parameter sorted by tag, volatile ones included, in one page by default', async () => {
    rig = startRig();
    const { final } = await rig.host.exchange(3, Command.GET_PARAMS);
    const tags = final.tlvs.map((t) => t.tag);
    expect(tags).toEqual([...tags].sort((a, b) => a - b));
    expect(tlvMap(final)).toEqual({ ...defaultSimulatorState().slots.A, A009: '000123', A00A: '000012' });
  });

  it('GET_PARAMS pages by cursor when pages are small, and the pages add up to the whole set', async () => {
    rig = startRig({ paging: { paramsPerPage: 5 } });
    const seen: Record<string, string> = {};
    let cursor: string | undefined;
    let pages = 0;
    let seq = 10;
    do {
      const { final } = await rig.host.exchange(seq++, Command.GET_PARAMS, cursor === undefined ? [] : [textTlv(Tag.F040, cursor)]);
      expect(final.rc).toBe(ResultCode.OK);
      const map = tlvMap(final);
      cursor = map['F041'];
      if (cursor !== undefined) expect(final.tlvs.at(-1)?.tag).toBe(Tag.F041);
      delete map['F041'];
      expect(Object.keys(map).length).toBeLessThanOrEqual(5);
      Object.assign(seen, map);
      pages++;
    } while (cursor !== undefined);
    expect(pages).toBe(4); // 16 parameters, 5 a page
    expect(seen).toEqual({ ...defaultSimulatorState().slots.A, A009: '000123', A00A: '000012' });
  });

  it('EXPORT_JOURNAL fills pages by size: every frame within maxBody, every record exactly once', async () => {
    rig = emptyBatchRig();
    rig.simulator.addTransactions(40);
    const stans: string[] = [];
    let cursor: string | undefined;
    let seq = 1;
    let pages = 0;
    do {
      await rig.host.sendRequest(seq++, Command.EXPORT_JOURNAL, cursor === undefined ? [] : [textTlv(Tag.F040, cursor)]);
      await rig.host.expectControl(0x06);
      const item = await rig.host.next();
      if (item.kind !== 'frame' || item.response === undefined) throw new Error('expected a response frame');
      expect(item.body.length).toBeLessThanOrEqual(1024);
      for (const group of item.response.tlvs.filter((t) => t.tag === Tag.F050)) stans.push(new TextDecoder().decode(group.value.subarray(3, 9)));
      cursor = tlvMap(item.response)['F041'];
      pages++;
    } while (cursor !== undefined);
    expect(pages).toBe(4); // 73-byte records, 13 to a 1024-byte page
    expect(stans).toEqual(Array.from({ length: 40 }, (_, i) => String(124 + i).padStart(6, '0')));
  });

  it('EXPORT_JOURNAL returns one F050 group per record, paged', async () => {
    rig = startRig({ paging: { recordsPerPage: 2 } });
    const first = await rig.host.exchange(5, Command.EXPORT_JOURNAL);
    expect(first.final.tlvs.filter((t) => t.tag === Tag.F050)).toHaveLength(2);
    expect(tlvMap(first.final)['F041']).toBe('2');
    const second = await rig.host.exchange(6, Command.EXPORT_JOURNAL, [textTlv(Tag.F040, '2')]);
    const groups = second.final.tlvs.filter((t) => t.tag === Tag.F050);
    expect(groups).toHaveLength(1);
    expect(tlvMap(second.final)['F041']).toBeUndefined();
    expect(new TextDecoder().decode(groups[0]!.value)).toContain('OFFLINE');
  });

  it('EXPORT_JOURNAL of an empty batch is an empty page', async () => {
    rig = emptyBatchRig();
    const { final } = await rig.host.exchange(1, Command.EXPORT_JOURNAL);
    expect(final).toMatchObject({ rc: ResultCode.OK, tlvs: [] });
  });

  it('stages, verifies and commits a new set: slot B active, STAN reset, previous kept; CONFIRM drops it', async () => {
    rig = emptyBatchRig();
    const staged = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    expect(staged.verify.final.rc).toBe(ResultCode.OK);
    expect(tlvMap(staged.verify.final)['F008']).toBe(SAMPLE_NEW_DIGEST_HEX);
    expect(rig.simulator.snapshot()).toMatchObject({ stagedBytes: 165, stageLength: 165, stageVerified: true });

    const commit = await rig.host.exchange(staged.nextSeq, Command.COMMIT);
    expect(commit.final.rc).toBe(ResultCode.OK);
    expect(tlvMap(commit.final)).toEqual({ F007: 'B', F008: SAMPLE_NEW_DIGEST_HEX });
    const after = rig.simulator.snapshot();
    expect(after).toMatchObject({ activeSlot: 'B', activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true, stagedBytes: undefined });
    expect(after.params['A009']).toBe('000001');
    expect(after.params['A001']).toBe('87654321');

    const params = await rig.host.exchange(staged.nextSeq + 1, Command.GET_PARAMS);
    const readBack = tlvMap(params.final);
    delete readBack['A009'];
    delete readBack['A00A'];
    expect(bytesToHex(parameterDigest(canonicalParameterSet(readBack)))).toBe(SAMPLE_NEW_DIGEST_HEX);

    const hello = await rig.host.exchange(staged.nextSeq + 2, Command.HELLO);
    expect(tlvMap(hello.final)).toMatchObject({ F007: 'B', F009: '1', A001: '87654321' });

    const confirm = await rig.host.exchange(staged.nextSeq + 3, Command.CONFIRM);
    expect(confirm.final).toMatchObject({ rc: ResultCode.OK, tlvs: [] });
    expect(rig.simulator.snapshot()).toMatchObject({ activeSlot: 'B', previousSlotPresent: false });
  });

  it('ROLLBACK after COMMIT restores the old set and discards the new one', async () => {
    rig = emptyBatchRig();
    const staged = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    await rig.host.exchange(staged.nextSeq, Command.COMMIT);
    const back = await rig.host.exchange(staged.nextSeq + 1, Command.ROLLBACK);
    expect(back.final.rc).toBe(ResultCode.OK);
    expect(tlvMap(back.final)).toEqual({ F007: 'A', F008: SAMPLE_OLD_DIGEST_HEX });
    expect(rig.simulator.snapshot()).toMatchObject({ activeSlot: 'A', activeDigestHex: SAMPLE_OLD_DIGEST_HEX, previousSlotPresent: false });
    const again = await rig.host.exchange(staged.nextSeq + 2, Command.ROLLBACK);
    expect(again.final.rc).toBe(ResultCode.WRONG_STATE);
  });

  it('ABORT_STAGE drops the open stage', async () => {
    rig = startRig();
    await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    const abort = await rig.host.exchange(9, Command.ABORT_STAGE);
    expect(abort.final).toMatchObject({ rc: ResultCode.OK, tlvs: [] });
    expect(rig.simulator.snapshot().stagedBytes).toBeUndefined();
    expect((await rig.host.exchange(10, Command.COMMIT)).final.rc).toBe(ResultCode.WRONG_STATE);
  });

  it('SETTLE sends interim progress, then clears the batch, bumps the batch number and uses one STAN', async () => {
    rig = startRig({ processing: { settleInterims: 3 } });
    const result = await rig.host.exchange(7, Command.SETTLE);
    expect(result.interims.map((r) => [r.rc, bytesToHex(r.tlvs[0]!.value)])).toEqual([
      [0x7f, '19'],
      [0x7f, '32'],
      [0x7f, '4b'],
    ]);
    expect(result.final.rc).toBe(ResultCode.OK);
    expect(tlvMap(result.final)).toEqual({ F011: '3', F012: '15800', F015: '1' });
    const snap = rig.simulator.snapshot();
    expect(snap.batch).toEqual({ count: 0, totalFen: 0, reversalPending: false, offlinePending: 0, batchNumber: '000013' });
    expect(snap.params['A009']).toBe('000124');
  });

  it('SETTLE reports an unbalanced batch with F015 "0" and still clears it', async () => {
    rig = startRig({ initialState: { host: { reachable: true, responseCode: '00', unreachableCode: '91', totalsBalance: false } } });
    const { final } = await rig.host.exchange(1, Command.SETTLE);
    expect(tlvMap(final)['F015']).toBe('0');
    expect(rig.simulator.snapshot().batch.count).toBe(0);
  });

  it('SIGN_ON and ECHO_TEST answer field 39 and the round trip, one STAN each', async () => {
    rig = startRig({ processing: { signOnMs: 30, echoTestMs: 20 } });
    const sign = await rig.host.exchange(1, Command.SIGN_ON);
    expect(sign.final.rc).toBe(ResultCode.OK);
    expect(tlvMap(sign.final)).toEqual({ F030: '00', F031: '30' });
    expect(sign.elapsedMs).toBeGreaterThanOrEqual(29);
    const echo = await rig.host.exchange(2, Command.ECHO_TEST);
    expect(tlvMap(echo.final)).toEqual({ F030: '00', F031: '20' });
    expect(rig.simulator.snapshot().params['A009']).toBe('000125');
  });

  it('PRINT_TEST returns the printed lines', async () => {
    rig = startRig();
    const { final } = await rig.host.exchange(1, Command.PRINT_TEST);
    expect(tlvMap(final)).toEqual({ F070: 'RebindDesk print test\nTID 12345678\nMID 898310048140001\nACQ 48021000' });
  });

  it('REBOOT answers 00 and then restarts', async () => {
    rig = startRig();
    const { final } = await rig.host.exchange(1, Command.REBOOT);
    expect(final).toMatchObject({ rc: ResultCode.OK, tlvs: [] });
    await expect.poll(() => rig!.simulator.snapshot().up).toBe(false);
    await expect.poll(() => rig!.simulator.snapshot().up, { timeout: 2000 }).toBe(true);
  });

  it('addTransactions puts sales with fresh STANs into the batch', async () => {
    rig = emptyBatchRig();
    rig.simulator.addTransactions(2);
    const { final } = await rig.host.exchange(1, Command.GET_BATCH);
    expect(tlvMap(final)['F011']).toBe('2');
    const journal = await rig.host.exchange(2, Command.EXPORT_JOURNAL);
    const text = journal.final.tlvs.map((t) => new TextDecoder().decode(t.value)).join('|');
    expect(text).toContain('000124');
    expect(text).toContain('000125');
    expect(rig.simulator.snapshot().params['A009']).toBe('000125');
  });
});
