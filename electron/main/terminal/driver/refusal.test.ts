import { describe, expect, it } from 'vitest';
import { Command, decimalTlv, ResultCode, Tag, textTlv } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';
import { LinkAborted, LinkFailure, LinkTimeout, TerminalRefused } from '../link/link-errors';
import { refusalFrom } from './refusal';

const refuse = (cmd: number, rc: number, tlvs: Tlv[] = []) => refusalFrom({ seq: 1, cmd, rc, tlvs });

describe('refusalFrom', () => {
  it('carries the RC, its name and meaning, and the explaining TLVs', () => {
    const error = refuse(Command.ECHO_TEST, ResultCode.HOST_FAILED, [textTlv(Tag.F030, '96'), decimalTlv(Tag.F031, 1350)]);
    expect(error).toBeInstanceOf(TerminalRefused);
    expect(error).toMatchObject({ kind: 'terminal-refused', code: 'terminal-refused', command: 'ECHO_TEST', rc: 8, rcName: 'HOST_FAILED', meaning: 'host unreachable or declined', hostResponseCode: '96', roundTripMs: 1350 });
    expect(error.message).toBe(
      "The terminal refused ECHO_TEST: RC 08 host unreachable or declined (host response code 96, host round trip 1350 ms). The acquirer's host did not approve (field 39 = 96): check the terminal's network and host settings, and its TID, MID and acquirer id with the bank, then try again.",
    );
  });

  it.each([
    [Command.COMMIT, ResultCode.BATCH_NOT_EMPTY, [], /Settle the batch first/],
    [Command.BEGIN_STAGE, ResultCode.LOCKED, [], /locked by its current acquirer/],
    [Command.VERIFY_STAGE, ResultCode.INVALID_VALUE, [textTlv(Tag.F020, 'A011')], /Correct A011 primary host/],
    [Command.GET_PARAMS, ResultCode.INVALID_VALUE, [textTlv(Tag.F020, 'F040')], /paging cursor/],
    [Command.VERIFY_STAGE, ResultCode.DIGEST_MISMATCH, [], /stage the set again/],
    [Command.PUT_STAGE, ResultCode.WRONG_STATE, [decimalTlv(Tag.F061, 128)], /terminal has 128 bytes staged.*BEGIN_STAGE/],
    [Command.ROLLBACK, ResultCode.WRONG_STATE, [], /no previous parameter set/],
    [Command.COMMIT, ResultCode.WRONG_STATE, [], /stage and verify/],
    [Command.SIGN_ON, ResultCode.BUSY, [], /busy: wait/],
    [Command.COMMIT, ResultCode.STORAGE_ERROR, [], /reboot it/],
    [Command.SIGN_ON, ResultCode.HOST_FAILED, [decimalTlv(Tag.F031, 30000)], /could not be reached/],
    [0x42, ResultCode.UNKNOWN_COMMAND, [], /does not know CMD 0x42/],
    [Command.HELLO, ResultCode.MALFORMED, [], /RebindDesk fault/],
    [Command.HELLO, 0x55, [], /does not define/],
  ] as const)('cmd %s rc %s says what to do next', (cmd, rc, tlvs, advice) => {
    expect(refuse(cmd, rc, [...tlvs]).message).toMatch(advice);
  });

  it('keeps a refusal readable when an explaining TLV is garbled', () => {
    const error = refuse(Command.VERIFY_STAGE, ResultCode.INVALID_VALUE, [{ tag: Tag.F020, value: Uint8Array.of(0xff) }, { tag: Tag.F008, value: new Uint8Array(5) }]);
    expect(error.offendingTag).toBeUndefined();
    expect(error.stagedDigestHex).toBeUndefined();
    expect(error.message).toContain('Correct the refused value');
  });
});

describe('link error messages say what to do next', () => {
  it.each([
    [new LinkFailure('no-ack', 'HELLO'), /Check the cable/],
    [new LinkFailure('no-answer', undefined), /PC-download mode/],
    [new LinkFailure('port-lost', 'COMMIT', 'EIO'), /Plug the cable back in.*\(EIO\)$/],
    [new LinkFailure('terminal-gave-up', 'SETTLE'), /read the terminal's state/],
    [new LinkTimeout('SETTLE', 90_000), /within 90 s.*read its state/],
    [new LinkAborted('GET_PARAMS'), /cancelled.*still usable/],
  ])('%s', (error, advice) => {
    expect(error.message).toMatch(advice);
  });
});
