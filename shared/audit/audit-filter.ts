import { z } from 'zod';

// What the Audit page asks main for: a page of entries, newest first, narrowed by who, what and
// when. Every field is bounded, so a filter costs at most one backwards walk over the log.

const token = z.string().trim().min(1).max(200);

/** The Audit page's filters; absent fields do not narrow. `to` is exclusive. */
export const auditFilterSchema = z.strictObject({
  /** Exactly this actor (a username, `system`, `anonymous`, `cli:<os user>`). */
  actor: token.optional(),
  /** Any of these action codes. */
  actions: z.array(token).min(1).max(100).optional(),
  /** Entries at or after this time (ISO 8601 with an offset). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Entries before this time. */
  to: z.iso.datetime({ offset: true }).optional(),
});
/** The Audit page's filters. */
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** `audit:list`'s input: the filters and the page (`before` pages backwards by seq). */
export const auditListInputSchema = auditFilterSchema
  .extend({ before: z.int().positive().optional(), limit: z.int().min(1).max(500).optional() })
  .refine((input) => input.from === undefined || input.to === undefined || Date.parse(input.from) < Date.parse(input.to), {
    message: 'The start of the period must be before its end.',
    path: ['to'],
  });
/** `audit:list`'s input. */
export type AuditListInput = z.infer<typeof auditListInputSchema>;

/**
 * What the newest restore did to the log, from its `backup.restored` entry: the restored log holds
 * the backup's entries and every later one of the replaced log (`carried`, see audit-carry.ts).
 */
export const auditRestoreSummarySchema = z.strictObject({
  seq: z.int().positive(),
  time: z.string(),
  actor: z.string(),
  /** The backup file restored. */
  restoredFrom: z.string().nullable(),
  /** Where the copy of the replaced data went. */
  safetyBackup: z.string().nullable(),
  /** How many entries of the replaced log came along, and how: appended as they were, or embedded. */
  carried: z.strictObject({ entries: z.int().nonnegative(), how: z.enum(['chained', 'embedded']) }).nullable(),
});
/** What the newest restore did to the log. */
export type AuditRestoreSummary = z.infer<typeof auditRestoreSummarySchema>;
