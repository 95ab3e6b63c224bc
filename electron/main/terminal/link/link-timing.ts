import { Command, INTER_BYTE_TIMEOUT_MS, MAX_TRANSMISSIONS, QUIET_BEFORE_NAK_MS, T1_MS, T2_DEFAULT_MS, T2_LONG_MS } from '../../../../shared/rtp';

/** The link's timers (PROTOCOL.md §1-2). Both the host link and the simulator use them. */
export interface LinkTiming {
  /** Wait for ACK/NAK after sending a frame. */
  t1Ms: number;
  /** A frame whose bytes stop for longer than this is dropped. */
  interByteMs: number;
  /** After a LEN/ETX error, the receiver NAKs once the line has been quiet this long. */
  quietMs: number;
  /** Wait for the response after ACK, for most commands. */
  t2DefaultMs: number;
  /** Wait for the response of SETTLE, SIGN_ON and ECHO_TEST. */
  t2LongMs: number;
  /** Transmissions of one frame before EOT and a link failure. */
  maxTransmissions: number;
}

/** The timers PROTOCOL.md prescribes. */
export const protocolTiming: LinkTiming = {
  t1Ms: T1_MS,
  interByteMs: INTER_BYTE_TIMEOUT_MS,
  quietMs: QUIET_BEFORE_NAK_MS,
  t2DefaultMs: T2_DEFAULT_MS,
  t2LongMs: T2_LONG_MS,
  maxTransmissions: MAX_TRANSMISSIONS,
};

/**
 * The protocol's timers divided by `factor`, for tests that exercise many timeouts. Some tests
 * must still use `protocolTiming` so the real values are covered.
 */
export function scaledTiming(factor: number): LinkTiming {
  return {
    ...protocolTiming,
    t1Ms: protocolTiming.t1Ms / factor,
    interByteMs: protocolTiming.interByteMs / factor,
    quietMs: protocolTiming.quietMs / factor,
    t2DefaultMs: protocolTiming.t2DefaultMs / factor,
    t2LongMs: protocolTiming.t2LongMs / factor,
  };
}

/** T2 for a command under `timing`: the long wait for SETTLE, SIGN_ON and ECHO_TEST, the default for the rest. */
export function responseTimeoutFor(timing: LinkTiming, command: number): number {
  return command === Command.SETTLE || command === Command.SIGN_ON || command === Command.ECHO_TEST ? timing.t2LongMs : timing.t2DefaultMs;
}

/** Milliseconds `byteCount` bytes take on a serial line at `baudRate`, 8N1 (10 bits per byte). */
export function wireTimeMs(byteCount: number, baudRate: number): number {
  return (byteCount * 10 * 1000) / baudRate;
}
