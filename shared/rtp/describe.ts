// One-line, human-readable renderings of link traffic for the link log, e.g.
// "→ HELLO seq=1" or "← HELLO seq=1 rc=00 OK F001="1" F002=1024 …".
import { bytesToHex } from '../bytes/hex';
import { decodeUtf8 } from '../bytes/utf8';
import { commandName, RESPONSE_BIT } from './commands';
import { CONTROL_NAMES, isControlByte } from './constants';
import type { DecoderEvent } from './frame-decoder';
import { decodeFrame } from './frame-parse';
import type { FrameOptions } from './frame-options';
import { decodeRequest, decodeResponse } from './message';
import { resultCodeMeaning } from './result-codes';
import { TAG_INFO, tagToText } from './tags';
import { decodeTlvs } from './tlv';
import type { Tlv } from './tlv';

/** 'out' for bytes this side sent (→), 'in' for bytes it received (←). */
export type LinkDirection = 'out' | 'in';

/** Longest text value shown before it is cut with "…". */
const MAX_TEXT = 40;

/** "→ ENQ"; an unexpected lone byte shows as hex. */
export function describeControl(byte: number, direction: LinkDirection): string {
  return `${arrow(direction)} ${isControlByte(byte) ? CONTROL_NAMES[byte] : `0x${hex2(byte)}`}`;
}

/** A request or response body (told apart by the response bit), with SEQ, RC and TLVs. */
export function describeBody(body: Uint8Array, direction: LinkDirection): string {
  const head = arrow(direction);
  if (body.length >= 2 && (body[1]! & RESPONSE_BIT) !== 0) {
    const decoded = decodeResponse(body);
    if (decoded.ok) {
      const { seq, cmd, rc, tlvs } = decoded.response;
      return `${head} ${commandName(cmd)} seq=${seq} rc=${hex2(rc)} ${resultCodeMeaning(rc)}${describeTlvs(tlvs)}`;
    }
    return `${head} malformed response (${decoded.reason}): ${bytesToHex(body, { separator: ' ', uppercase: true })}`;
  }
  const decoded = decodeRequest(body);
  if (decoded.ok) {
    const { seq, cmd, tlvs } = decoded.request;
    return `${head} ${commandName(cmd)} seq=${seq}${describeTlvs(tlvs)}`;
  }
  return `${head} malformed request (${decoded.reason}): ${bytesToHex(body, { separator: ' ', uppercase: true })}`;
}

/** A whole frame (STX … LRC), or a single control byte. */
export function describeFrame(frame: Uint8Array, direction: LinkDirection, options: Partial<FrameOptions> = {}): string {
  if (frame.length === 1) return describeControl(frame[0]!, direction);
  const decoded = decodeFrame(frame, options);
  if (decoded.ok) return describeBody(decoded.body, direction);
  return `${arrow(direction)} bad frame (${decoded.reason}): ${bytesToHex(frame, { separator: ' ', uppercase: true })}`;
}

/** What a FrameDecoder event means, for bytes received. */
export function describeDecoderEvent(event: DecoderEvent, direction: LinkDirection = 'in'): string {
  const head = arrow(direction);
  switch (event.type) {
    case 'frame':
      return describeBody(event.body, direction);
    case 'control':
      return describeControl(event.byte, direction);
    case 'bad-frame':
      return `${head} bad frame (${REASONS[event.reason]})${event.discarded > 0 ? `, ${event.discarded} bytes discarded` : ''}: NAK due`;
    case 'discarding':
      return `${head} bad frame (${REASONS[event.reason]}): discarding input until the line is quiet`;
    case 'stalled':
      return `${head} frame stalled after ${event.received} bytes: dropped without answer`;
    case 'noise':
      return `${head} ${event.count} noise byte${event.count === 1 ? '' : 's'} skipped`;
  }
}

const REASONS = { lrc: 'LRC wrong', 'len-over-max': 'LEN over maxBody', 'len-invalid': 'LEN not a valid length', 'no-etx': 'no ETX after body' } as const;

function describeTlvs(tlvs: readonly Tlv[]): string {
  return tlvs.map((item) => ` ${describeTlv(item)}`).join('');
}

function describeTlv(item: Tlv): string {
  const code = tagToText(item.tag);
  const kind = TAG_INFO.get(item.tag)?.kind;
  const value = item.value;
  switch (kind) {
    case 'digest':
      return `${code}=${bytesToHex(value)}`;
    case 'percent':
      return value.length === 1 ? `${code}=${value[0]!}%` : `${code}=0x${bytesToHex(value)}`;
    case 'chunk':
      return `${code}=<${value.length} bytes>`;
    case 'secret':
      // Key check values are secret (DESIGN.md §4); the log never shows them.
      return `${code}=<masked>`;
    case 'group': {
      const inner = decodeTlvs(value);
      return inner.ok ? `${code}{${inner.items.map(describeTlv).join(' ')}}` : `${code}=0x${bytesToHex(value)}`;
    }
    case 'decimal': {
      const text = decodeUtf8(value);
      return text !== undefined && /^[0-9]+$/.test(text) ? `${code}=${text}` : `${code}=${describeText(value)}`;
    }
    default:
      return `${code}=${describeText(value)}`;
  }
}

/** Quoted text (JSON escapes keep control characters on one line) when the value is UTF-8, else hex. */
function describeText(value: Uint8Array): string {
  const text = decodeUtf8(value);
  if (text === undefined) return `0x${bytesToHex(value)}`;
  return JSON.stringify(text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);
}

function arrow(direction: LinkDirection): string {
  return direction === 'out' ? '→' : '←';
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0').toUpperCase();
}
