// Turns an error RC into TerminalRefused with the TLVs that explain it (F020, F030, F031, F061,
// F008) and a sentence saying what to do next, for the command at hand.
import { bytesToHex } from '../../../../shared/bytes';
import { Command, commandName, findTlv, parseDecimal, ResultCode, resultCodeMeaning, resultCodeName, Tag, tagFromText, tlvText } from '../../../../shared/rtp';
import type { RtpResponse } from '../../../../shared/rtp';
import { TerminalRefused } from '../link/link-errors';
import type { RefusalDetails } from '../link/link-errors';
import { label } from './response-fields';
import { reason } from '../../../../shared/errors/reason';
import { inEnglish, type MainReason } from '../../../../shared/errors/reasons-en';

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
  details.adviceReason = adviceFor(response.cmd, details);
  details.advice = inEnglish(details.adviceReason);
  return new TerminalRefused(details);
}

function adviceFor(cmd: number, d: RefusalDetails): MainReason {
  switch (d.rc) {
    case ResultCode.UNKNOWN_COMMAND:
      return reason('advice-unknown-command', { command: commandName(cmd) });
    case ResultCode.MALFORMED:
      return reason(cmd === Command.VERIFY_STAGE ? 'advice-malformed-stage' : 'advice-malformed');
    case ResultCode.INVALID_VALUE: {
      const tag = d.offendingTag === undefined ? undefined : tagFromText(d.offendingTag);
      if (tag === Tag.F040) return reason('advice-paging-cursor');
      if (tag === undefined) return reason('advice-correct-value');
      return reason('advice-correct-tag', { tag: label(tag) });
    }
    case ResultCode.WRONG_STATE:
      switch (cmd) {
        case Command.PUT_STAGE:
        case Command.VERIFY_STAGE:
          return reason('advice-wrong-state-stage');
        case Command.COMMIT:
          return reason('advice-wrong-state-commit');
        case Command.ROLLBACK:
          return reason('advice-wrong-state-rollback');
        default:
          return reason('advice-wrong-state');
      }
    case ResultCode.BATCH_NOT_EMPTY:
      return reason('advice-batch-not-empty');
    case ResultCode.DIGEST_MISMATCH:
      return reason('advice-digest-mismatch');
    case ResultCode.BUSY:
      return reason('advice-busy');
    case ResultCode.HOST_FAILED:
      return d.hostResponseCode === undefined ? reason('advice-host-unreachable') : reason('advice-host-declined', { code: d.hostResponseCode });
    case ResultCode.STORAGE_ERROR:
      return reason('advice-storage-error');
    case ResultCode.LOCKED:
      return reason('advice-locked');
    default:
      return reason('advice-undefined-rc');
  }
}
