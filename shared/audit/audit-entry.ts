import { z } from 'zod';

/** The `prev_hash` of the first entry: 64 zeros. */
export const genesisHash = '0'.repeat(64);

/** Separated the fields of the legacy hash input (format 1; ASCII unit separator). */
export const auditFieldSeparator = '\u001f';

/**
 * How an entry's hash input is encoded, stored per entry (`hash_format`): 1, the legacy join of the
 * fields with U+001F (entries written before migration 0006; kept so their hashes, and heads
 * recorded from them, stay valid), and 2, a JSON array of the fields (every entry since). A chain
 * may only go from 1 to 2, never back.
 */
export const auditHashFormats = { joined: 1, json: 2 } as const;
/** The format every new entry is written in. */
export const currentAuditHashFormat = auditHashFormats.json;
/** One of the hash input formats. */
export type AuditHashFormat = (typeof auditHashFormats)[keyof typeof auditHashFormats];

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
  /** How the hash input is encoded (see `auditHashFormats`). */
  hashFormat: number;
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
  hashFormat: z.int(),
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

/**
 * A head of the log recorded outside the database (a backup's side record, the backup history, an
 * export's last line, a head the admin copied): the chain must still hold exactly this entry.
 */
export const auditAnchorSchema = z.strictObject({
  seq: z.int().positive(),
  hash: z.string(),
  /** When it was recorded (ISO 8601), if known. */
  recordedAt: z.string().optional(),
  /** Where it was found: a backup file, the history, `--expect-head`. */
  source: z.string().max(4096),
});
/** A head recorded outside the database. */
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

/** The outcome of walking the chain. */
export const auditVerifyResultSchema = z.strictObject({
  ok: z.boolean(),
  /** Entries before the entry the first problem names, all intact (all of them when ok). */
  checked: z.int().nonnegative(),
  /** The last entry's seq and hash; null for an empty log. */
  head: z.strictObject({ seq: z.int().positive(), hash: z.string() }).nullable(),
  firstProblem: auditProblemSchema.optional(),
  /**
   * The newest anchor the chain was checked against and still holds: entries up to its seq cannot
   * have been rewritten or cut off unnoticed; newer ones are only chained. null when none was found.
   */
  anchored: auditAnchorSchema.nullable().optional(),
  /** How many anchors were found and checked. */
  anchorsChecked: z.int().nonnegative().optional(),
});
/** The outcome of walking the chain. */
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;

/**
 * The text an entry's hash is computed over (as UTF-8). Format 2: the JSON array
 * `[2, seq, time, actor, action, entity_type, entity_id, payload, prev_hash]` as `JSON.stringify`
 * writes it (seq a number, the rest strings, so no field can shift into another and a missing one
 * shows as `null`). Format 1 (legacy): the same fields, without the format, joined by U+001F.
 * Documented in docs/security.md so an auditor can recompute it; the verify query builds the same
 * text in SQL (`json_array`), and a test keeps the two equal. An unknown format gives null: no hash
 * can match it.
 */
export function auditHashInput(record: Omit<AuditRecord, 'hash'>): string | null {
  if (record.hashFormat === auditHashFormats.json) {
    return JSON.stringify([auditHashFormats.json, record.seq, record.time, record.actor, record.action, record.entityType, record.entityId, record.payload, record.prevHash]);
  }
  if (record.hashFormat === auditHashFormats.joined) return legacyHashInput(record);
  return null;
}

/**
 * The format-1 input. A join is only unambiguous when no field holds the separator or is missing,
 * so such an entry gives null here (it cannot verify): the app never wrote one.
 */
function legacyHashInput(record: Omit<AuditRecord, 'hash'>): string | null {
  const fields = [record.time, record.actor, record.action, record.entityType, record.entityId, record.payload, record.prevHash];
  if (!Number.isSafeInteger(record.seq) || fields.some((field) => typeof field !== 'string' || field.includes(auditFieldSeparator))) return null;
  return [record.seq, ...fields].join(auditFieldSeparator);
}

/** True for an actor, action or entity field the log accepts: 1–200 characters, no control characters. */
export function isAuditToken(text: string): boolean {
  // A lone surrogate cannot be stored as UTF-8 text: the stored field would differ from the hashed one.
  return text.length > 0 && text.length <= 200 && !/[\u0000-\u001f\u007f]/.test(text) && !/\p{Cs}/u.test(text);
}

/** A 64-character lower-case hex SHA-256. */
export function isHashHex(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}
