// Runs one request body to its final response: the checks of PROTOCOL.md §2 in their order
// (01 unknown command, 02 structure, 0A locked, 03 request values), then the command itself.
import {
  checkRequest,
  Command,
  encodeResponse,
  findBadRequestValue,
  ResultCode,
  Tag,
  tagToText,
  textTlv,
} from '../../../../shared/rtp';
import type { CommandCode, Tlv } from '../../../../shared/rtp';
import type { CommandEntry, CommandServices } from './command-context';
import { echoTest, reboot, settle, signOn } from './host-commands';
import { exportJournal, getBatch, getParams, hello, printTest } from './read-commands';
import { abortStage, beginStage, commit, confirm, putStage, rollback, verifyStage } from './staging-commands';

/** Commands a locked terminal refuses with 0A. */
export const LOCKED_COMMANDS: ReadonlySet<number> = new Set([
  Command.BEGIN_STAGE,
  Command.PUT_STAGE,
  Command.VERIFY_STAGE,
  Command.COMMIT,
  Command.ROLLBACK,
  Command.CONFIRM,
]);

const COMMANDS: Readonly<Record<CommandCode, CommandEntry>> = {
  [Command.HELLO]: hello,
  [Command.GET_BATCH]: getBatch,
  [Command.GET_PARAMS]: getParams,
  [Command.EXPORT_JOURNAL]: exportJournal,
  [Command.BEGIN_STAGE]: beginStage,
  [Command.PUT_STAGE]: putStage,
  [Command.VERIFY_STAGE]: verifyStage,
  [Command.COMMIT]: commit,
  [Command.ABORT_STAGE]: abortStage,
  [Command.ROLLBACK]: rollback,
  [Command.CONFIRM]: confirm,
  [Command.SETTLE]: settle,
  [Command.SIGN_ON]: signOn,
  [Command.ECHO_TEST]: echoTest,
  [Command.PRINT_TEST]: printTest,
  [Command.REBOOT]: reboot,
};

/** A request run to its end. */
export interface ExecutedRequest {
  /** SEQ and CMD as answered (both 0 for a body under 2 bytes). */
  readonly seq: number;
  readonly cmd: number;
  readonly rc: number;
  /** The final response body. */
  readonly response: Uint8Array;
  /** A one-line reason for an error RC, for the event log. */
  readonly detail: string;
}

/** Checks and runs a request; undefined when a reboot or power loss cut it off. */
export async function executeRequest(body: Uint8Array, services: CommandServices): Promise<ExecutedRequest | undefined> {
  const checked = checkRequest(body);
  if (!checked.ok) return done(checked.seq, checked.cmd, checked.rc, [], checked.detail);
  const { request } = checked;
  const { seq, cmd } = request;
  if (services.state().locked && LOCKED_COMMANDS.has(cmd)) return done(seq, cmd, ResultCode.LOCKED, [], 'the terminal is locked by its acquirer');
  const badTag = findBadRequestValue(request);
  if (badTag !== undefined) return done(seq, cmd, ResultCode.INVALID_VALUE, [textTlv(Tag.F020, tagToText(badTag))], `bad value in ${tagToText(badTag)}`);
  const entry = COMMANDS[cmd as CommandCode];
  if (entry.ownsTiming !== true) {
    if (!services.checkpoint(cmd)) return undefined;
    if (!(await services.sleep(services.times.commandMs))) return undefined;
  }
  const result = await entry.run({ ...services, request });
  if (result === undefined) return undefined;
  return done(seq, cmd, result.rc, result.tlvs, '');
}

function done(seq: number, cmd: number, rc: number, tlvs: readonly Tlv[], detail: string): ExecutedRequest {
  return { seq, cmd, rc, response: encodeResponse({ seq, cmd, rc, tlvs }), detail };
}
