// Inputs and outputs of the On-site view's IPC channels (rebind:*), checked by the router in main.
import { z } from 'zod';
import { rebindStepSchema } from './rebind-steps';
import { workOrderSchema } from './work-order';

/** The merchant's own values as the On-site form sends them (the template supplies the bank's). */
export const merchantInputSchema = z.strictObject({
  tid: z.string().max(64),
  mid: z.string().max(64),
  name: z.string().max(200),
  mcc: z.string().max(16),
});

/** `rebind:start`: rebind the connected terminal to the bank of `templateId`. */
export const rebindStartInputSchema = z.strictObject({
  templateId: z.string().min(1).max(64),
  merchant: merchantInputSchema,
  workOrder: workOrderSchema,
  /** The desk case this visit is for (desk:appointment-work-order gives it): the journal names it, the outcome moves it. */
  caseId: z.uuid().optional(),
});

/** `rebind:recover`: finish (resume) or undo (restore) an interrupted operation. */
export const rebindRecoverInputSchema = z.strictObject({
  operationId: z.number().int().positive(),
  mode: z.enum(['resume', 'restore']),
});

/** An operation that did not end, waiting for the engineer's choice. */
export const pendingOperationSchema = z.strictObject({
  operationId: z.number().int().positive(),
  serialNumber: z.string().nullable(),
  startedAt: z.string(),
  lastStep: rebindStepSchema.nullable(),
  bank: z.string().nullable(),
});
/** An interrupted operation. */
export type PendingOperation = z.infer<typeof pendingOperationSchema>;

/** `terminal:demo-control`: training switches of the built-in demo terminal. */
export const demoControlInputSchema = z.strictObject({
  hostReachable: z.boolean().optional(),
  locked: z.boolean().optional(),
  addTransactions: z.number().int().min(1).max(50).optional(),
});
