// The message layer (PROTOCOL.md §2): request BODY = SEQ | CMD | TLV*, response BODY =
// SEQ | CMD|0x80 | RC | TLV*. Decoders return results and never throw.
import { RESPONSE_BIT } from './commands';
import { RtpError } from './errors';
import { decodeTlvs, encodeTlvs } from './tlv';
import type { Tlv, TlvError } from './tlv';

/** A request from the host. */
export interface RtpRequest {
  /** Sequence number 0-255; a retransmission keeps it. */
  readonly seq: number;
  /** Command code, without the response bit. */
  readonly cmd: number;
  /** Request TLVs in wire order. */
  readonly tlvs: readonly Tlv[];
}

/** A response from the terminal. */
export interface RtpResponse {
  /** The request's SEQ, echoed. */
  readonly seq: number;
  /** The request's command code, stored without the response bit (the encoder sets it). */
  readonly cmd: number;
  /** Result code. */
  readonly rc: number;
  /** Response TLVs in wire order. */
  readonly tlvs: readonly Tlv[];
}

/** The next SEQ after `seq`, wrapping 255 → 0. */
export function nextSeq(seq: number): number {
  return (seq + 1) & 0xff;
}

/** Encodes a request body; throws RtpError for SEQ or CMD outside a byte or a CMD with the response bit. */
export function encodeRequest(request: RtpRequest): Uint8Array {
  checkByte(request.seq, 'bad-seq', 'SEQ');
  checkByte(request.cmd, 'bad-command', 'CMD');
  if ((request.cmd & RESPONSE_BIT) !== 0) throw new RtpError('bad-command', `Request CMD 0x${request.cmd.toString(16)} has the response bit 0x80 set.`);
  return withHeader([request.seq, request.cmd], request.tlvs);
}

/** Encodes a response body, setting the response bit on CMD (present or not); throws RtpError for fields outside a byte. */
export function encodeResponse(response: RtpResponse): Uint8Array {
  checkByte(response.seq, 'bad-seq', 'SEQ');
  checkByte(response.cmd, 'bad-command', 'CMD');
  checkByte(response.rc, 'bad-result-code', 'RC');
  return withHeader([response.seq, response.cmd | RESPONSE_BIT, response.rc], response.tlvs);
}

/** Outcome of decodeRequest. */
export type RequestDecodeResult =
  | { readonly ok: true; readonly request: RtpRequest; readonly shortestLengths: boolean }
  /** The body is shorter than SEQ + CMD; PROTOCOL.md answers RC 02 with SEQ and CMD 00. */
  | { readonly ok: false; readonly reason: 'too-short' }
  /** SEQ and CMD were read but the TLVs are malformed. */
  | { readonly ok: false; readonly reason: 'tlv'; readonly seq: number; readonly cmd: number; readonly error: TlvError };

/** Decodes a request body. TLV values are views into `body`. */
export function decodeRequest(body: Uint8Array): RequestDecodeResult {
  if (body.length < 2) return { ok: false, reason: 'too-short' };
  const seq = body[0]!;
  const cmd = body[1]!;
  const tlvs = decodeTlvs(body, 2);
  if (!tlvs.ok) return { ok: false, reason: 'tlv', seq, cmd, error: tlvs.error };
  return { ok: true, request: { seq, cmd, tlvs: tlvs.items }, shortestLengths: tlvs.shortestLengths };
}

/** Outcome of decodeResponse. */
export type ResponseDecodeResult =
  | { readonly ok: true; readonly response: RtpResponse; readonly shortestLengths: boolean }
  /** Shorter than SEQ + CMD + RC. */
  | { readonly ok: false; readonly reason: 'too-short' }
  /** CMD lacks the response bit: this is a request, not a response. */
  | { readonly ok: false; readonly reason: 'not-a-response'; readonly seq: number; readonly cmd: number }
  /** Header read but the TLVs are malformed. */
  | { readonly ok: false; readonly reason: 'tlv'; readonly seq: number; readonly cmd: number; readonly rc: number; readonly error: TlvError };

/** Decodes a response body; `cmd` comes back without the response bit. TLV values are views into `body`. */
export function decodeResponse(body: Uint8Array): ResponseDecodeResult {
  if (body.length < 3) return { ok: false, reason: 'too-short' };
  const seq = body[0]!;
  const rawCmd = body[1]!;
  const rc = body[2]!;
  if ((rawCmd & RESPONSE_BIT) === 0) return { ok: false, reason: 'not-a-response', seq, cmd: rawCmd };
  const cmd = rawCmd & ~RESPONSE_BIT;
  const tlvs = decodeTlvs(body, 3);
  if (!tlvs.ok) return { ok: false, reason: 'tlv', seq, cmd, rc, error: tlvs.error };
  return { ok: true, response: { seq, cmd, rc, tlvs: tlvs.items }, shortestLengths: tlvs.shortestLengths };
}

function withHeader(header: readonly number[], tlvs: readonly Tlv[]): Uint8Array {
  const encoded = encodeTlvs(tlvs);
  const body = new Uint8Array(header.length + encoded.length);
  body.set(header, 0);
  body.set(encoded, header.length);
  return body;
}

function checkByte(value: number, code: 'bad-seq' | 'bad-command' | 'bad-result-code', field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RtpError(code, `${field} must be a whole number from 0 to 255, got ${value}.`);
}
