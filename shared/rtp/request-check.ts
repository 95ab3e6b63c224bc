// The terminal's first checks on a request (PROTOCOL.md §2): 01 unknown command, then 02 structure.
// Shared so the simulator and the host's own self-checks apply the same table.
import { decodeUtf8 } from '../bytes/utf8';
import { Command, isCommandCode } from './commands';
import type { CommandCode } from './commands';
import { parseCursor } from './cursor';
import { parseDecimal } from './decimal';
import { decodeRequest } from './message';
import type { RtpRequest } from './message';
import { ResultCode } from './result-codes';
import { Tag, tagToText } from './tags';
import { findDuplicateTag, findTlv } from './tlv-values';

/** Tags a command's request takes. */
export interface RequestTagRule {
  readonly required: readonly number[];
  readonly optional: readonly number[];
}

const NONE: RequestTagRule = { required: [], optional: [] };
const PAGED: RequestTagRule = { required: [], optional: [Tag.F040] };

/** Request tags per command (PROTOCOL.md §3); anything else in a request is RC 02. */
export const REQUEST_TAGS: Readonly<Record<CommandCode, RequestTagRule>> = {
  [Command.HELLO]: NONE,
  [Command.GET_BATCH]: NONE,
  [Command.GET_PARAMS]: PAGED,
  [Command.EXPORT_JOURNAL]: PAGED,
  [Command.BEGIN_STAGE]: { required: [Tag.F060, Tag.F008], optional: [] },
  [Command.PUT_STAGE]: { required: [Tag.F061, Tag.F062], optional: [] },
  [Command.VERIFY_STAGE]: NONE,
  [Command.COMMIT]: NONE,
  [Command.ABORT_STAGE]: NONE,
  [Command.ROLLBACK]: NONE,
  [Command.CONFIRM]: NONE,
  [Command.SETTLE]: NONE,
  [Command.SIGN_ON]: NONE,
  [Command.ECHO_TEST]: NONE,
  [Command.PRINT_TEST]: NONE,
  [Command.REBOOT]: NONE,
};

/** Largest canonical set a stage may announce in F060 (this project's choice, docs/protocol.md). */
export const MAX_STAGE_LENGTH = 65535;

/** Outcome of checkRequest: a well-formed request, or the RC and header to answer with. */
export type RequestCheckResult =
  | { readonly ok: true; readonly request: RtpRequest }
  | {
      readonly ok: false;
      readonly rc: typeof ResultCode.UNKNOWN_COMMAND | typeof ResultCode.MALFORMED;
      /** SEQ to answer with (0 when the body was too short to hold one). */
      readonly seq: number;
      /** CMD to answer with, without the response bit (0 when the body was too short). */
      readonly cmd: number;
      /** English reason, for the simulator's log. */
      readonly detail: string;
    };

/** Runs the 01 and 02 checks, in that order, on a request body. Long TLV length forms are accepted. */
export function checkRequest(body: Uint8Array): RequestCheckResult {
  const decoded = decodeRequest(body);
  if (!decoded.ok && decoded.reason === 'too-short') {
    return { ok: false, rc: ResultCode.MALFORMED, seq: 0, cmd: 0, detail: `Request body of ${body.length} bytes is shorter than SEQ and CMD.` };
  }
  const seq = body[0]!;
  const cmd = body[1]!;
  if (!isCommandCode(cmd)) return { ok: false, rc: ResultCode.UNKNOWN_COMMAND, seq, cmd, detail: `Command 0x${cmd.toString(16).padStart(2, '0')} is not defined.` };
  if (!decoded.ok) return { ok: false, rc: ResultCode.MALFORMED, seq, cmd, detail: decoded.error.message };
  const { tlvs } = decoded.request;
  const rule = REQUEST_TAGS[cmd];
  for (const item of tlvs) {
    if (!rule.required.includes(item.tag) && !rule.optional.includes(item.tag)) {
      return { ok: false, rc: ResultCode.MALFORMED, seq, cmd, detail: `Tag ${tagToText(item.tag)} is not taken by this command.` };
    }
  }
  const duplicate = findDuplicateTag(tlvs);
  if (duplicate !== undefined) return { ok: false, rc: ResultCode.MALFORMED, seq, cmd, detail: `Tag ${tagToText(duplicate)} appears more than once.` };
  for (const tag of rule.required) {
    if (findTlv(tlvs, tag) === undefined) return { ok: false, rc: ResultCode.MALFORMED, seq, cmd, detail: `Required tag ${tagToText(tag)} is missing.` };
  }
  return { ok: true, request: decoded.request };
}

/**
 * The lowest request tag whose value has a bad format (the F020 of RC 03), or undefined. Checks
 * format only: whether a cursor or offset fits the terminal's state is the command's own check.
 * Run it after checkRequest and after the locked (0A) check.
 */
export function findBadRequestValue(request: RtpRequest): number | undefined {
  let lowest: number | undefined;
  for (const item of request.tlvs) {
    if (!requestValueValid(item.tag, item.value) && (lowest === undefined || item.tag < lowest)) lowest = item.tag;
  }
  return lowest;
}

function requestValueValid(tag: number, value: Uint8Array): boolean {
  switch (tag) {
    case Tag.F040: {
      const text = decodeUtf8(value);
      return text !== undefined && parseCursor(text) !== undefined;
    }
    case Tag.F060: {
      const length = decimalValue(value);
      return length !== undefined && length >= 1 && length <= MAX_STAGE_LENGTH;
    }
    case Tag.F061: {
      const offset = decimalValue(value);
      return offset !== undefined && offset <= MAX_STAGE_LENGTH;
    }
    case Tag.F008:
      return value.length === 32;
    case Tag.F062:
      return value.length >= 1;
    default:
      return true;
  }
}

function decimalValue(value: Uint8Array): number | undefined {
  const text = decodeUtf8(value);
  return text === undefined ? undefined : parseDecimal(text);
}
