// Training mode (issue 11 point 5): a whole appointment on a training file of its own. The real
// database records only that someone entered and left it (docs/training.md).
import { z } from 'zod';

/** The actions training writes to the real audit log. */
export const trainingAuditActions = {
  entered: 'training.entered',
  left: 'training.left',
  /** The training file was thrown away and seeded again. */
  reset: 'training.reset',
} as const;

/** The actions written to the training file's own audit chain. */
export const trainingFileAuditActions = {
  /** The real operators copied in (names and roles only, no password), so bookings can name engineers. */
  peopleCopied: 'training.people-copied',
} as const;

/** Why a window left training. */
export const trainingLeaveCauses = ['left', 'signed-out', 'window-closed', 'session-ended', 'restart'] as const;
/** One of the causes. */
export type TrainingLeaveCause = (typeof trainingLeaveCauses)[number];

/** The training file's name, inside the data directory's training/ folder. */
export const trainingDatabaseFileName = 'rebinddesk-training.sqlite';

/** The seeded training records, for the banner's links and the guide. */
export const trainingSeedSchema = z.strictObject({
  caseId: z.string(),
  merchantName: z.string(),
  serial: z.string(),
});
/** The seeded records. */
export type TrainingSeed = z.infer<typeof trainingSeedSchema>;

/** The calling window's mode. */
export const trainingStatusSchema = z.strictObject({
  active: z.boolean(),
  /** When this window entered training (ISO 8601); null in real mode. */
  since: z.string().nullable(),
  /** The training case that was seeded; null in real mode or after it was closed and not yet reset. */
  seed: trainingSeedSchema.nullable(),
  /** Other windows in training now (the reset waits until they have left). */
  otherWindows: z.int().min(0),
});
/** The window's training status. */
export type TrainingStatus = z.infer<typeof trainingStatusSchema>;
