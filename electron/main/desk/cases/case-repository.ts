import type { AccountStatus, CaseState, RebindCase } from '../../../../shared/desk/model';
import type { AttachmentMediaType } from './attachment-type';
import type { RecordChange } from '../../db/outbox';
import type { Stored } from '../../db/record-table';

/** A case as stored: the shared RebindCase (materials, review, agreement) and why it was cancelled or failed. */
export type CaseFields = Omit<RebindCase, 'id'> & { closingReason?: string };
/** A case with its record meta. */
export type StoredCase = Stored<CaseFields>;

/** One material row (case_materials): absent dates mean not yet received or verified. */
export interface MaterialFields {
  caseId: string;
  kind: string;
  receivedOn?: string;
  verifiedBy?: string;
  verifiedAt?: string;
  expiresOn?: string;
}

/** One timeline row (case_transitions): opening is the row `open` from draft to draft. */
export interface TransitionFields {
  caseId: string;
  fromState: CaseState;
  toState: CaseState;
  action: string;
  reason?: string;
}

/** One attachment row; the bytes are in the content store under `sha256`. */
export interface AttachmentFields {
  caseId: string;
  /** A material kind, `agreement`, or `other`. */
  purpose: string;
  sha256: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
}

/** The terminal's fields a case reads. */
export interface TerminalView {
  id: string;
  serial: string;
  tid: string;
  mid: string;
  modelId: string;
  firmware: string | null;
  currentBank: string;
  merchantId: string;
}

/** The merchant's fields a case reads (never the encrypted ones). */
export interface MerchantView {
  id: string;
  name: string;
  uscc: string;
  area: string;
  accountStatus: AccountStatus;
  accountCheckedOn: string | null;
}

/** What the cases list asks for; every filter is optional. */
export interface CaseListQuery {
  /** A part of the merchant's name, or a USCC, TID, MID or serial (whole or its beginning). */
  search?: string | undefined;
  states?: readonly CaseState[] | undefined;
  bank?: string | undefined;
  /** Cases with a (not cancelled) appointment of this engineer profile. */
  engineerId?: string | undefined;
  /** Opened on or after / before this instant (UTC). */
  openedFrom?: string | undefined;
  openedBefore?: string | undefined;
  offset: number;
  limit: number;
}

/** One row of the list: what a list line shows. */
export interface CaseListRow {
  id: string;
  version: number;
  state: CaseState;
  targetBank: string;
  currentBank: string;
  merchantName: string;
  uscc: string;
  serial: string;
  tid: string;
  mid: string;
  openedAt: string;
  updatedAt: string;
}

/** A page of the list and the total; a search's total may be counted only up to a cap (`totalCapped`). */
export interface CaseListPage {
  rows: CaseListRow[];
  total: number;
  /** True when `total` is a lower bound: the search has more matches than were counted. */
  totalCapped: boolean;
}

/** A case that reached rebound, for the candidates' figures. */
/** A case that had a visit outcome (reached rebound or recorded a failure), for the bank comparison. */
export interface CaseVisitOutcome {
  bank: string;
  openedAt: string;
  /** The first rebound; null when it never reached rebound. */
  reboundAt: string | null;
  /** Failed visits (record-failure transitions), at any time. */
  failures: number;
}

/**
 * Cases, their materials, timeline and attachments. Writes return the outbox change; call them
 * inside the audited operation that records them. An update names the version it was made on and
 * returns null when the row moved on.
 */
export interface CaseRepository {
  case(id: string): StoredCase | undefined;
  /** The case row's version alone (undefined when there is no such case): has it moved since it was read? */
  caseVersion(id: string): number | undefined;
  openCaseOfTerminal(terminalId: string): StoredCase | undefined;
  insertCase(record: StoredCase): RecordChange;
  updateCase(record: StoredCase, baseVersion: number): RecordChange | null;

  materials(caseId: string): Stored<MaterialFields>[];
  insertMaterial(row: Stored<MaterialFields>): RecordChange;
  updateMaterial(row: Stored<MaterialFields>, baseVersion: number): RecordChange | null;

  timeline(caseId: string): Stored<TransitionFields>[];
  insertTransition(row: Stored<TransitionFields>): RecordChange;

  attachment(id: string): Stored<AttachmentFields> | undefined;
  attachments(caseId: string): Stored<AttachmentFields>[];
  insertAttachment(row: Stored<AttachmentFields>): RecordChange;

  terminal(id: string): TerminalView | undefined;
  merchant(id: string): MerchantView | undefined;
  /** The engineer profile of an operator, if any (for an engineer's reads). */
  engineerIdOfOperator(operatorId: number): string | undefined;
  hasAppointmentWith(caseId: string, engineerId: string): boolean;

  list(query: CaseListQuery): CaseListPage;
  visitOutcomes(): CaseVisitOutcome[];
}
