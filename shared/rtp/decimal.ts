// ASCII decimal numbers, the wire form of counts, amounts, lengths and offsets (PROTOCOL.md §2).
import { RtpError } from './errors';

/** Writes a non-negative whole number as ASCII digits without leading zeros; throws RtpError otherwise. */
export function formatDecimal(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RtpError('bad-value', `A decimal field needs a whole number of 0 or more, got ${value}.`);
  return String(value);
}

/**
 * Reads 1 to 15 ASCII digits (leading zeros allowed, 15 digits stay exact in a double);
 * undefined for anything else.
 */
export function parseDecimal(text: string): number | undefined {
  return /^[0-9]{1,15}$/.test(text) ? Number(text) : undefined;
}
