// Turns an error RC into TerminalRefused with the TLVs that explain it (F020, F030, F031, F061,
// F008) and a sentence saying what to do next, for the command at hand.
import { bytesToHex } from '../../../../shared/bytes';
import { Command, commandName, findTlv, parseDecimal, ResultCode, resultCodeMeaning, resultCodeName, Tag, tagFromText, tlvText } from '../../../../shared/rtp';
import type { RtpResponse } from '../../../../shared/rtp';
import { TerminalRefused } from '../link/link-errors';
import type { RefusalDetails } from '../link/link-errors';
import { label } from './response-fields';

/** The TerminalRefused for a final response whose RC is not 00. */
export function refusalFrom(response: RtpResponse): TerminalRefused {
  const command = commandName(response.cmd);
  // Extras are read leniently: a garbled explanation must not hide the refusal itself.
  const text = (tag: number) => {
    const item = findTlv(response.tlvs, tag);
    return item === undefined ? undefined : tlvText(item);
  };
  const decimal = (tag: number) => {
    const value = text(tag);
    return value === undefined ? undefined : parseDecimal(value);
  };
  const digest = findTlv(response.tlvs, Tag.F008)?.value;
  const details: RefusalDetails = {
    command,
    rc: response.rc,
    rcName: resultCodeName(response.rc),
    meaning: resultCodeMeaning(response.rc),
    advice: '',
  };
  const offendingTag = text(Tag.F020);
  const hostResponseCode = text(Tag.F030);
  const roundTripMs = decimal(Tag.F031);
  const receivedSoFar = decimal(Tag.F061);
  if (offendingTag !== undefined) details.offendingTag = offendingTag;
  if (hostResponseCode !== undefined) details.hostResponseCode = hostResponseCode;
  if (roundTripMs !== undefined) details.roundTripMs = roundTripMs;
  if (receivedSoFar !== undefined) details.receivedSoFar = receivedSoFar;
  if (digest?.length === 32) details.stagedDigestHex = bytesToHex(digest);
  details.advice = adviceFor(response.cmd, details);
  return new TerminalRefused(details);
}

function adviceFor(cmd: number, d: RefusalDetails): string {
  switch (d.rc) {
    case ResultCode.UNKNOWN_COMMAND:
      return `The terminal does not know ${commandName(cmd)}: check that its firmware speaks RTP/1.`;
    case ResultCode.MALFORMED:
      return cmd === Command.VERIFY_STAGE
        ? 'The staged bytes are not a canonical parameter set: rebuild the set in RebindDesk and stage it again.'
        : 'The terminal could not read the request. This is a RebindDesk fault: export the link log and send it to support.';
    case ResultCode.INVALID_VALUE: {
      const tag = d.offendingTag === undefined ? undefined : tagFromText(d.offendingTag);
      if (tag === Tag.F040) return 'The terminal refused the paging cursor: read again from the first page.';
      if (tag === undefined) return 'Correct the refused value and try again.';
      return `Correct ${label(tag)} in the parameter set, then stage it again.`;
    }
    case ResultCode.WRONG_STATE:
      switch (cmd) {
        case Command.PUT_STAGE:
        case Command.VERIFY_STAGE:
          return 'The stage is not where RebindDesk expected it: start staging again from BEGIN_STAGE.';
        case Command.COMMIT:
          return 'There is no verified stage: stage and verify the new parameter set before COMMIT.';
        case Command.ROLLBACK:
          return 'There is no previous parameter set to roll back to; the terminal keeps its current set. Read it back to check.';
        default:
          return 'The terminal is not in the state this step needs: read its state (HELLO) and restart the step.';
      }
    case ResultCode.BATCH_NOT_EMPTY:
      return 'Settle the batch first (SETTLE also sends a pending reversal and offline records), then try again.';
    case ResultCode.DIGEST_MISMATCH:
      return 'The staged bytes do not match the expected digest: stage the set again from BEGIN_STAGE.';
    case ResultCode.BUSY:
      return 'The terminal is busy: wait a few seconds and try again.';
    case ResultCode.HOST_FAILED:
      return d.hostResponseCode === undefined
        ? "The acquirer's host could not be reached: check the terminal's network and its host settings (A011, A012, A013, A008), then try again."
        : `The acquirer's host did not approve (field 39 = ${d.hostResponseCode}): check the terminal's network and host settings, and its TID, MID and acquirer id with the bank, then try again.`;
    case ResultCode.STORAGE_ERROR:
      return 'The terminal could not write its storage: reboot it and try again; if it happens again, send it for service.';
    case ResultCode.LOCKED:
      return 'The terminal is locked by its current acquirer: ask that bank to release it before rebinding.';
    default:
      return 'The terminal answered with a result code RTP/1 does not define: export the link log and send it to support.';
  }
}
