// Command codes of RTP/1 (PROTOCOL.md §3) and the per-command response timeout.
import { T2_DEFAULT_MS, T2_LONG_MS } from './constants';

export const Command = {
  HELLO: 0x01,
  GET_BATCH: 0x02,
  GET_PARAMS: 0x03,
  EXPORT_JOURNAL: 0x04,
  BEGIN_STAGE: 0x10,
  PUT_STAGE: 0x11,
  VERIFY_STAGE: 0x12,
  COMMIT: 0x13,
  ABORT_STAGE: 0x14,
  ROLLBACK: 0x15,
  CONFIRM: 0x16,
  SETTLE: 0x20,
  SIGN_ON: 0x21,
  ECHO_TEST: 0x22,
  PRINT_TEST: 0x23,
  REBOOT: 0x30,
} as const;

/** A command code RTP/1 defines. */
export type CommandCode = (typeof Command)[keyof typeof Command];

/** Name of a command code, e.g. "HELLO"; `CMD 0x42` for codes RTP/1 does not define. */
export function commandName(code: number): string {
  return COMMAND_NAMES.get(code) ?? `CMD 0x${code.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** True when RTP/1 defines `code` as a command (without the response bit). */
export function isCommandCode(code: number): code is CommandCode {
  return COMMAND_NAMES.has(code);
}

/** T2 for a command: 90 s for those that reach the acquirer's host, 5 s otherwise. */
export function responseTimeoutMs(code: number): number {
  return code === Command.SETTLE || code === Command.SIGN_ON || code === Command.ECHO_TEST ? T2_LONG_MS : T2_DEFAULT_MS;
}

/** Bit set in a response's CMD byte. */
export const RESPONSE_BIT = 0x80;

const COMMAND_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(Command).map(([name, code]) => [code, name]));
