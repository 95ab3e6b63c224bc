import { z } from 'zod';

/** The `prev_hash` of the first entry: 64 zeros. */
export const genesisHash = '0'.repeat(64);

/** Separates the fields of an entry's hash input (ASCII unit separator; never inside a field, see `isAuditToken`). */
export const auditFieldSeparator = '\u001f';

/** What a caller records: who did what to which entity, with a JSON object of details. */
export interface AuditEntryInput {
  /** The operator's username, or `system` / `anonymous`. */
  actor: string;
  /** What happened, `domain.verb`, e.g. `operator.password-reset`. */
  action: string;
  /** What it happened to. */
  entity: { type: string; id: string | number };
  /** Details; stored as canonical JSON. Never put a secret (password, code, revealed value) here. */
  payload: Record<string, unknown>;
}

/** One stored entry, as the table holds it. */
export interface AuditRecord {
  seq: number;
  /** ISO 8601 UTC with milliseconds; never earlier than the entry before. */
  time: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** Canonical JSON text. */
  payload: string;
  prevHash: string;
  hash: string;
}

/** A stored entry as the renderer sees it. */
export const auditRecordSchema = z.strictObject({
  seq: z.int().positive(),
  time: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  payload: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

/**
 * How a chain can be broken: an entry `edited` after it was written, entries `missing`,
 * an entry `inserted` that the app did not write, entries `reordered`, or a chain that no longer
 * holds the head an earlier export recorded (`anchor-mismatch`: rewritten from there on).
 */
export const auditProblemKinds = ['edited', 'missing', 'inserted', 'reordered', 'anchor-mismatch'] as const;
/** One kind of break in the chain. */
export type AuditProblemKind = (typeof auditProblemKinds)[number];

/** The first break found, naming the entry. */
export const auditProblemSchema = z.strictObject({
  seq: z.int().nonnegative(),
  kind: z.enum(auditProblemKinds),
  message: z.string(),
});
/** The first break found in a chain. */
export type AuditProblem = z.infer<typeof auditProblemSchema>;

/** The outcome of walking the chain. */
export const auditVerifyResultSchema = z.strictObject({
  ok: z.boolean(),
  /** Entries before the entry the first problem names, all intact (all of them when ok). */
  checked: z.int().nonnegative(),
  /** The last entry's seq and hash; null for an empty log. */
  head: z.strictObject({ seq: z.int().positive(), hash: z.string() }).nullable(),
  firstProblem: auditProblemSchema.optional(),
});
/** The outcome of walking the chain. */
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;

/**
 * The text an entry's hash is computed over (as UTF-8): seq, time, actor, action, entity type,
 * entity id, payload and prev_hash joined by U+001F. Documented in docs/security.md so an auditor
 * can recompute it; the verify query builds the same text in SQL, and a test keeps the two equal.
 */
export function auditHashInput(record: Omit<AuditRecord, 'hash'>): string {
  const s = auditFieldSeparator;
  return `${record.seq}${s}${record.time}${s}${record.actor}${s}${record.action}${s}${record.entityType}${s}${record.entityId}${s}${record.payload}${s}${record.prevHash}`;
}

/** True for an actor, action or entity field the log accepts: 1–200 characters, no control characters. */
export function isAuditToken(text: string): boolean {
  return text.length > 0 && text.length <= 200 && !/[\u0000-\u001f\u007f]/.test(text);
}

/** A 64-character lower-case hex SHA-256. */
export function isHashHex(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}
