// What HELLO tells about a terminal (PROTOCOL.md §3, CMD 01), and the app's one identity of a
// terminal made from it (shared/terminal/terminal-identity.ts).
import { negotiatedMaxBody, Tag } from '../../../../shared/rtp';
import type { TerminalIdentity } from '../../../../shared/terminal/terminal-identity';
import type { Tlv } from '../../../../shared/rtp';
import { ResponseFields } from './response-fields';

/** A terminal as HELLO describes it, with the digest's bytes for the driver's own checks. */
export interface HelloIdentity {
  /** F001, "1" for RTP/1. */
  protocolVersion: string;
  /** The body size both sides use from now on: F002 after negotiatedMaxBody (1024 at least). */
  maxBody: number;
  /** F003. */
  vendor: string;
  /** F004. */
  model: string;
  /** F005. */
  serialNumber: string;
  /** F006. */
  firmware: string;
  /** A001 terminal id. */
  tid: string;
  /** A002 merchant id. */
  mid: string;
  /** A010 acquirer institution id. */
  acquirerId: string;
  /** F007: the active parameter slot. */
  activeSlot: 'A' | 'B';
  /** F008: digest of the active canonical parameter set. */
  activeDigest: Uint8Array;
  /** F008 as lower-case hex. */
  activeDigestHex: string;
  /** F009: a previous slot is kept (a COMMIT not yet confirmed). */
  previousSlot: boolean;
  /** F00A: locked by the current acquirer (no parameter changes). */
  locked: boolean;
}

/** Reads HELLO's response TLVs; TerminalProtocolError when a field is missing or unreadable. */
export function identityFromHello(tlvs: readonly Tlv[]): HelloIdentity {
  const f = new ResponseFields('HELLO', tlvs);
  const digest = f.digest(Tag.F008);
  return {
    protocolVersion: f.text(Tag.F001),
    maxBody: negotiatedMaxBody(f.text(Tag.F002)),
    vendor: f.text(Tag.F003),
    model: f.text(Tag.F004),
    serialNumber: f.text(Tag.F005),
    firmware: f.text(Tag.F006),
    tid: f.text(Tag.A001),
    mid: f.text(Tag.A002),
    acquirerId: f.text(Tag.A010),
    activeSlot: f.slot(Tag.F007),
    activeDigest: digest.bytes,
    activeDigestHex: digest.hex,
    previousSlot: f.flag(Tag.F009),
    locked: f.flag(Tag.F00A),
  };
}

/** The app's identity of the terminal HELLO described (digest as lower-case hex, no bytes). */
export function toTerminalIdentity(hello: HelloIdentity): TerminalIdentity {
  return {
    protocolVersion: hello.protocolVersion,
    maxBody: hello.maxBody,
    vendor: hello.vendor,
    model: hello.model,
    serialNumber: hello.serialNumber,
    firmware: hello.firmware,
    tid: hello.tid,
    mid: hello.mid,
    acquirerId: hello.acquirerId,
    activeSlot: hello.activeSlot,
    activeDigest: hello.activeDigestHex.toLowerCase(),
    previousSlot: hello.previousSlot,
    locked: hello.locked,
  };
}
