// The rebinding cases' channels (electron/main/desk/cases/): the desk and admins change cases;
// engineers read the cases they have an appointment for (the service checks which).
import { z } from 'zod';
import { caseActions } from '../desk/case-states';
import {
  bankCodeSchema,
  caseAgreementSchema,
  caseMaterialSchema,
  caseReviewSchema,
  caseStateSchema,
  caseStates,
  feeRatesSchema,
  instantSchema,
  materialKindSchema,
  plainDateSchema,
  recordIdSchema,
  recordMetaSchema,
  requiredMaterialSchema,
} from '../desk/model';
import { mainReasonSchema } from '../errors/main-reason-schema';
import { deskReadRoles, deskRoles } from './channel-roles';

/** The largest attachment, 20 MiB; its base64 text is a third longer. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
const base64Max = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

const storedCase = z.strictObject({
  ...recordMetaSchema.shape,
  state: caseStateSchema,
  terminalId: recordIdSchema,
  merchantId: recordIdSchema,
  targetBank: bankCodeSchema,
  materials: z.array(caseMaterialSchema),
  review: caseReviewSchema.nullable(),
  agreement: caseAgreementSchema.nullable(),
  closingReason: z.string().optional(),
});
const storedAttachment = z.strictObject({
  ...recordMetaSchema.shape,
  caseId: recordIdSchema,
  purpose: z.string(),
  sha256: z.string().length(64),
  fileName: z.string(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.int().positive(),
});
const timelineRow = z.strictObject({
  ...recordMetaSchema.shape,
  caseId: recordIdSchema,
  fromState: caseStateSchema,
  toState: caseStateSchema,
  action: z.string(),
  reason: z.string().optional(),
});
const materialRow = z.strictObject({
  ...recordMetaSchema.shape,
  caseId: recordIdSchema,
  kind: materialKindSchema,
  receivedOn: plainDateSchema.optional(),
  verifiedBy: z.string().optional(),
  verifiedAt: instantSchema.optional(),
  expiresOn: plainDateSchema.optional(),
});
const caseDetail = z.strictObject({
  case: storedCase,
  terminal: z.strictObject({ id: recordIdSchema, serial: z.string(), tid: z.string(), mid: z.string(), modelId: recordIdSchema, firmware: z.string().nullable(), currentBank: bankCodeSchema, merchantId: recordIdSchema }),
  merchant: z.strictObject({ id: recordIdSchema, name: z.string(), uscc: z.string(), area: z.string(), accountStatus: z.enum(['normal', 'frozen', 'arrears']), accountCheckedOn: plainDateSchema.nullable() }),
  timeline: z.array(timelineRow),
  // Every material the target bank requires, received or not, with its validity and the row's version.
  materials: z.array(
    z.strictObject({
      kind: materialKindSchema,
      received: z.boolean(),
      receivedOn: plainDateSchema.optional(),
      verifiedBy: z.string().optional(),
      verifiedAt: instantSchema.optional(),
      expiresOn: plainDateSchema.optional(),
      validDays: z.int().nullable(),
      lastValidDay: plainDateSchema.nullable(),
      version: z.int().nullable(),
    }),
  ),
  attachments: z.array(storedAttachment),
  /** The booking gate's case-level reasons today (caseReasonsOn): empty when only a slot is missing. */
  gateReasons: z.array(mainReasonSchema),
  actions: z.array(z.enum(caseActions)),
});
/** The case page's data. */
export type CaseDetailView = z.infer<typeof caseDetail>;

const listRow = z.strictObject({
  id: recordIdSchema,
  version: z.int(),
  state: caseStateSchema,
  targetBank: z.string(),
  currentBank: z.string(),
  merchantName: z.string(),
  uscc: z.string(),
  serial: z.string(),
  tid: z.string(),
  mid: z.string(),
  openedAt: instantSchema,
  updatedAt: instantSchema,
});

const candidate = z.strictObject({
  code: bankCodeSchema,
  name: z.string(),
  fit: z.enum(['supported', 'unsupported', 'not-listed', 'firmware-too-old', 'firmware-unknown']),
  minFirmware: z.string().optional(),
  firmware: z.string().nullable(),
  feeRates: feeRatesSchema,
  servesArea: z.boolean(),
  addedMaterials: z.array(requiredMaterialSchema),
  /** From our own cases; null figures: no case to this bank reached rebound yet ("no data"). */
  outcomes: z.strictObject({ reboundCases: z.int(), medianDaysToRebound: z.number().nullable(), firstTimeFixRate: z.number().min(0).max(1).nullable() }),
});

const caseRef = { caseId: recordIdSchema, version: z.int().positive() };
const actorReason = z.string().trim().max(2000).optional();

export const deskCasesContract = {
  'desk:case-open': { input: z.strictObject({ terminalId: recordIdSchema, targetBank: bankCodeSchema }), output: storedCase, roles: deskRoles },
  'desk:case-get': { input: z.strictObject({ caseId: recordIdSchema }), output: caseDetail, roles: deskReadRoles },
  // Paged for a virtual list: the page at `offset` and the total, newest first. A search counts
  // its matches up to a cap beyond `offset` (docs/desk-cases.md#search): `totalCapped` then says
  // the total is a lower bound, shown as "1,000+".
  'desk:cases-list': {
    input: z.strictObject({
      search: z.string().trim().max(100).optional(),
      states: z.array(z.enum(caseStates)).max(caseStates.length).optional(),
      bank: bankCodeSchema.optional(),
      engineerId: recordIdSchema.optional(),
      openedFrom: instantSchema.optional(),
      openedBefore: instantSchema.optional(),
      offset: z.int().min(0).max(10_000_000).default(0),
      limit: z.int().min(1).max(500).default(100),
    }),
    output: z.strictObject({ rows: z.array(listRow), total: z.int(), totalCapped: z.boolean() }),
    roles: deskReadRoles,
  },
  'desk:case-transition': { input: z.strictObject({ ...caseRef, action: z.enum(caseActions), reason: actorReason }), output: storedCase, roles: deskRoles },
  'desk:material-update': {
    input: z.strictObject({ caseId: recordIdSchema, kind: materialKindSchema, receivedOn: plainDateSchema.nullable(), verified: z.boolean(), expiresOn: plainDateSchema.nullable().default(null) }),
    output: materialRow,
    roles: deskRoles,
  },
  'desk:attachment-add': {
    input: z.strictObject({
      caseId: recordIdSchema,
      purpose: z.union([materialKindSchema, z.enum(['agreement', 'other'])]),
      fileName: z.string().trim().min(1).max(200),
      dataBase64: z.base64().max(base64Max),
    }),
    output: storedAttachment,
    roles: deskRoles,
  },
  'desk:attachment-get': {
    input: z.strictObject({ attachmentId: recordIdSchema }),
    output: z.strictObject({ attachment: storedAttachment, dataUrl: z.string().max(base64Max + 64) }),
    roles: deskReadRoles,
  },
  'desk:case-review': { input: z.strictObject({ ...caseRef, decision: z.enum(['approved', 'rejected']), reason: actorReason }), output: storedCase, roles: deskRoles },
  'desk:case-agreement': {
    input: z.strictObject({ ...caseRef, signedOn: plainDateSchema, signatory: z.string().trim().min(1).max(100), attachmentId: recordIdSchema }),
    output: storedCase,
    roles: deskRoles,
  },
  'desk:case-candidates': { input: z.strictObject({ terminalId: recordIdSchema }), output: z.strictObject({ candidates: z.array(candidate) }), roles: deskRoles },
} as const;
