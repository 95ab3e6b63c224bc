import { z } from 'zod';
import type { NumberedLinkLogLine } from './link-log-line';

const hex = z.string().regex(/^[0-9a-f]*$/).max(128);

/** What HELLO tells about a terminal (PROTOCOL.md §3). */
export const terminalIdentitySchema = z.strictObject({
  protocolVersion: z.string().max(16),
  maxBody: z.number().int().positive(),
  vendor: z.string().max(128),
  model: z.string().max(128),
  serialNumber: z.string().max(128),
  firmware: z.string().max(128),
  tid: z.string().max(64),
  mid: z.string().max(64),
  acquirerId: z.string().max(64),
  activeSlot: z.enum(['A', 'B']),
  activeDigest: hex,
  previousSlot: z.boolean(),
  locked: z.boolean(),
});
/** A terminal's identity card. */
export type TerminalIdentity = z.infer<typeof terminalIdentitySchema>;

/** GET_BATCH: the open batch. */
export const batchSummarySchema = z.strictObject({
  count: z.number().int().nonnegative(),
  totalFen: z.number().int().nonnegative(),
  reversalPending: z.boolean(),
  offlinePending: z.number().int().nonnegative(),
  batchNumber: z.string().max(16),
});
/** The open batch's totals. */
export type BatchSummary = z.infer<typeof batchSummarySchema>;

/** GET_PARAMS: every parameter by tag, and the digest of the canonical set. */
export const terminalParametersSchema = z.strictObject({
  params: z.record(z.string().regex(/^[0-9A-F]{4}$/), z.string().max(4096)),
  digest: hex,
});
/** A terminal's parameters. */
export type TerminalParameters = z.infer<typeof terminalParametersSchema>;

/** A line of the Terminal page's link log: the one link log line (link-log-line.ts), numbered by the page's buffer. */
export type LinkLogEntry = NumberedLinkLogLine;

/** The Terminal page's connection. */
export const connectionStateSchema = z.strictObject({
  // `rebinding`: the rebinding engine has the line; the page reads nothing until it gives it back.
  status: z.enum(['disconnected', 'connecting', 'connected', 'rebinding', 'lost']),
  portPath: z.string().max(4096).nullable(),
  demo: z.boolean(),
  identity: terminalIdentitySchema.nullable(),
  error: z.string().max(2000).nullable(),
});
/** Connection status with the identity when connected. */
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** Baud rates offered for RS-232 terminals. */
export const baudRates = [9600, 19200, 38400, 57600, 115200] as const;

/** Input of `terminal:connect`. */
export const connectInputSchema = z.strictObject({
  path: z.string().min(1).max(4096),
  baudRate: z.number().int().refine((n) => (baudRates as readonly number[]).includes(n), { message: `must be one of ${baudRates.join(', ')}` }),
});
