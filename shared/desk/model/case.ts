// A rebinding case: which terminal of which merchant moves to which bank, the materials collected for
// it, the review's decision and the signed agreement.
import { z } from 'zod';
import { instantSchema, plainDateSchema } from './calendar';
import { caseStateSchema } from './case-state';
import { actorNameSchema, bankCodeSchema, recordIdSchema } from './ids';
import { materialKindSchema } from './materials';

/**
 * One material of a case. `receivedOn` is the day it came in; verification names who checked it and
 * when; `expiresOn` is the last day it is valid (set from the document or from the bank's validDays).
 */
export const caseMaterialSchema = z
  .strictObject({
    kind: materialKindSchema,
    received: z.boolean(),
    receivedOn: plainDateSchema.optional(),
    verifiedBy: actorNameSchema.optional(),
    verifiedAt: instantSchema.optional(),
    expiresOn: plainDateSchema.optional(),
  })
  .refine((m) => (m.verifiedBy === undefined) === (m.verifiedAt === undefined), { message: 'a verification names both who and when', path: ['verifiedAt'] })
  .refine((m) => m.received || m.verifiedBy === undefined, { message: 'a material is received before it is verified', path: ['verifiedBy'] });
/** One material of a case. */
export type CaseMaterial = z.infer<typeof caseMaterialSchema>;

/** The review's decision; a rejection says why. */
export const caseReviewSchema = z
  .strictObject({
    decision: z.enum(['approved', 'rejected']),
    by: actorNameSchema,
    at: instantSchema,
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((r) => r.decision === 'approved' || r.reason !== undefined, { message: 'a rejection says why', path: ['reason'] });
/** The review's decision. */
export type CaseReview = z.infer<typeof caseReviewSchema>;

/** The signed agreement: the day, who signed for the merchant, and the scanned document. */
export const caseAgreementSchema = z.strictObject({
  signedOn: plainDateSchema,
  signatory: z.string().trim().min(1).max(100),
  attachmentId: recordIdSchema,
});
/** The signed agreement. */
export type CaseAgreement = z.infer<typeof caseAgreementSchema>;

/** A rebinding case. */
export const caseSchema = z.strictObject({
  id: recordIdSchema,
  state: caseStateSchema,
  terminalId: recordIdSchema,
  merchantId: recordIdSchema,
  targetBank: bankCodeSchema,
  materials: z
    .array(caseMaterialSchema)
    .max(50)
    .refine((list) => new Set(list.map((m) => m.kind)).size === list.length, 'each material kind appears once'),
  review: caseReviewSchema.nullable(),
  agreement: caseAgreementSchema.nullable(),
});
/** A rebinding case. */
export type RebindCase = z.infer<typeof caseSchema>;
