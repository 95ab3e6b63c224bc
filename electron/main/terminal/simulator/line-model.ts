// The line model: what a real cable costs in time, so a pty or memory line behaves like one
// (docs/simulator.md §4). Pure arithmetic; paced-line.ts applies it to bytes.

/** A simulated cable: its speed and the terminal's reaction time before each answer. */
export interface LineModel {
  /** Bits per second; every byte costs 10 bits (start bit, 8 data bits, stop bit: 8N1). */
  baudRate: number;
  /** Time the terminal takes to turn the line around before each transmission it starts. */
  turnaroundMs: number;
}

/** Bits one byte takes on an 8N1 line. */
export const BITS_PER_BYTE = 10;

/** Milliseconds one byte takes on the wire. */
export function byteTimeMs(line: LineModel): number {
  return (BITS_PER_BYTE * 1000) / line.baudRate;
}

/** Milliseconds `bytes` take on the wire. */
export function wireTimeMs(bytes: number, line: LineModel): number {
  return bytes * byteTimeMs(line);
}

/**
 * The fastest a host can possibly be over this line: every byte of both directions on the wire
 * plus one turnaround per exchange. An exchange is one transmission the terminal starts (an ACK,
 * a NAK, a response frame or an EOT), so a plain command costs 2 (ACK + response). Add the
 * processing times (processing-times.ts) for "wire + turnarounds + processing".
 */
export function lineLimitMs(bytesBothWays: number, exchanges: number, line: LineModel): number {
  return wireTimeMs(bytesBothWays, line) + exchanges * line.turnaroundMs;
}

/** Throws when a line model is not usable, naming the bad field. */
export function checkLineModel(line: LineModel): void {
  if (!Number.isFinite(line.baudRate) || line.baudRate <= 0) {
    throw new Error(`Line model: baudRate must be a positive number of bits per second, got ${line.baudRate}.`);
  }
  if (!Number.isFinite(line.turnaroundMs) || line.turnaroundMs < 0) {
    throw new Error(`Line model: turnaroundMs must be 0 or more milliseconds, got ${line.turnaroundMs}.`);
  }
}
