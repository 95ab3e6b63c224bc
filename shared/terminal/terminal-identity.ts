// The one shape of a terminal's identity, its open batch and its parameters, as the app knows them
// (the Terminal page, the rebind journal, the CLI's JSON). The driver maps RTP/1 answers to them.
import { z } from 'zod';

const hex = z.string().regex(/^[0-9a-f]*$/).max(128);

/**
 * What HELLO tells about a terminal (PROTOCOL.md §3): the app's one identity of a terminal. The
 * driver reads it from HELLO (toTerminalIdentity), the Terminal page shows it, the rebind journal
 * records it, and the CLI's `info --json` presents it (without the protocol version).
 */
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
  /** F008, the active set's SHA-256 as lower-case hex. */
  activeDigest: hex,
  previousSlot: z.boolean(),
  locked: z.boolean(),
});
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
export type TerminalParameters = z.infer<typeof terminalParametersSchema>;
