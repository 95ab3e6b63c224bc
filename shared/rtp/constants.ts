// Link-layer bytes, sizes and timers of RTP/1 (PROTOCOL.md §1-§2).

/** Start of a frame. */
export const STX = 0x02;
/** End of a frame body. */
export const ETX = 0x03;
/** Sent alone after a frame: "ends the exchange" (after three failed transmissions). */
export const EOT = 0x04;
/** Sent alone: "are you there"; a live terminal answers ACK. */
export const ENQ = 0x05;
/** Sent alone: the frame arrived with LEN, ETX and LRC right. */
export const ACK = 0x06;
/** Sent alone: the frame was damaged; send it again. */
export const NAK = 0x15;

/** The four control bytes that travel alone outside frames. */
export type ControlByte = typeof ACK | typeof NAK | typeof EOT | typeof ENQ;

/** Names of the control bytes, for logs. */
export const CONTROL_NAMES: Readonly<Record<ControlByte, string>> = { [ACK]: 'ACK', [NAK]: 'NAK', [EOT]: 'EOT', [ENQ]: 'ENQ' };

/** True for ACK, NAK, EOT and ENQ. */
export function isControlByte(byte: number): byte is ControlByte {
  return byte === ACK || byte === NAK || byte === EOT || byte === ENQ;
}

/** The body size every terminal accepts; HELLO's F002 may raise it. */
export const DEFAULT_MAX_BODY = 1024;

/** LEN is two bytes, so no body can be longer than this. */
export const ABSOLUTE_MAX_BODY = 0xffff;

/** T1: how long a sender waits for ACK/NAK after a frame. */
export const T1_MS = 1000;
/** Transmissions of one frame in all (first try plus retries) before EOT and a link failure. */
export const MAX_TRANSMISSIONS = 3;
/** A frame whose bytes stop for longer than this is dropped without an answer. */
export const INTER_BYTE_TIMEOUT_MS = 100;
/** After a LEN or ETX error the receiver waits for this much line silence before it NAKs. */
export const QUIET_BEFORE_NAK_MS = 100;
/** T2: the wait for a response after ACK, for most commands. */
export const T2_DEFAULT_MS = 5000;
/** T2 for SETTLE, SIGN_ON and ECHO_TEST, which talk to the acquirer's host. */
export const T2_LONG_MS = 90_000;
