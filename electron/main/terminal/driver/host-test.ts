// SIGN_ON, ECHO_TEST and PRINT_TEST results, and the slot state COMMIT and ROLLBACK report.
import { Tag } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';
import { ResponseFields } from './response-fields';

/** The acquirer host's answer to SIGN_ON or ECHO_TEST. */
export interface HostTestResult {
  /** F030: the host's field-39 response code, "00" when approved. */
  responseCode: string;
  /** F031: the terminal's round trip to the host, ms. */
  roundTripMs: number;
  /** The whole exchange as the console measured it, ms (line time included). */
  exchangeMs: number;
}

/** Which parameter set is active after COMMIT or ROLLBACK. */
export interface SlotState {
  /** F007. */
  activeSlot: 'A' | 'B';
  /** F008. */
  activeDigest: Uint8Array;
  /** F008 as lower-case hex. */
  activeDigestHex: string;
}

/** Reads a successful SIGN_ON or ECHO_TEST answer. */
export function hostTestFromResponse(command: string, tlvs: readonly Tlv[], exchangeMs: number): HostTestResult {
  const f = new ResponseFields(command, tlvs);
  return { responseCode: f.text(Tag.F030), roundTripMs: f.decimal(Tag.F031), exchangeMs };
}

/** Reads COMMIT's or ROLLBACK's F007 and F008. */
export function slotStateFromResponse(command: string, tlvs: readonly Tlv[]): SlotState {
  const f = new ResponseFields(command, tlvs);
  const digest = f.digest(Tag.F008);
  return { activeSlot: f.slot(Tag.F007), activeDigest: digest.bytes, activeDigestHex: digest.hex };
}

/** PRINT_TEST's F070 split into lines at LF (docs/protocol.md §7.14); a trailing LF adds no empty line. */
export function printedLines(tlvs: readonly Tlv[]): string[] {
  const text = new ResponseFields('PRINT_TEST', tlvs).text(Tag.F070);
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
