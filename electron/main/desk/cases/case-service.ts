// Rebinding cases: opening one for a terminal, its transitions through the case table, its
// materials, review, agreement and attachments, and what the case page and the list read. Every
// change is one audited operation listing its record changes for the outbox; a refusal names its
// reason. The booking's transitions (schedule, on site, rebound, failed) are the booking service's,
// through applyTransition in case-transition.ts.
import type { Actor } from '../../../../shared/auth/session';
import { actionsFor, type CaseAction } from '../../../../shared/desk/case-states';
import { caseReasonsOn, lastValidDay, materialNamed, requiredMaterialsOf } from '../../../../shared/desk/booking';
import { caseStateNamed, caseActionNamed } from '../../../../shared/desk/case-states';
import { deskAuditActions } from '../../../../shared/desk/desk-audit';
import { isOpenCaseState, type Bank, type CaseState, type RebindCase } from '../../../../shared/desk/model';
import { localDateOf } from '../../../../shared/desk/time/zoned';
import { reason, type Reason } from '../../../../shared/errors/reason';
import { AppError } from '../../app-error';
import type { AuditedWrite } from '../../db/audited';
import type { RecordChange } from '../../db/outbox';
import { newRecordMeta, nextRecordMeta } from '../../db/record-meta';
import type { Stored } from '../../db/record-table';
import type { ContentStore } from '../../fs/content-store';
import { recordChanged } from '../records/save-record';
import type { ReferenceRepository } from '../reference/reference-repository';
import { ATTACHMENT_MAX_BYTES, sniffMediaType } from './attachment-type';
import type { AttachmentFields, CaseListQuery, CaseRepository, MaterialFields, MerchantView, StoredCase, TerminalView } from './case-repository';
import { applyTransition } from './case-transition';

/** The actions the booking and On-site take (booking service), not the case page. */
export const bookingActions: readonly CaseAction[] = ['schedule', 'cancel-appointment', 'start-on-site', 'record-rebound', 'record-failure', 'sign-off'];
/** Where materials may change: not while a reviewer reads them, nor once the visit began or the case ended. */
const materialsLocked: readonly CaseState[] = ['under-review', 'on-site', 'rebound', 'closed', 'cancelled'];

export interface CaseServiceDeps {
  repo: CaseRepository;
  reference: ReferenceRepository;
  audited: AuditedWrite;
  now: () => Date;
  attachments: ContentStore;
}

export interface MaterialUpdate {
  caseId: string;
  kind: string;
  /** The day it came in; null: not received (clears its verification too). */
  receivedOn: string | null;
  /** True: verified by the caller now (kept when it already was). */
  verified: boolean;
  /** The last valid day printed on the document, if it has one. */
  expiresOn: string | null;
}

export type CaseService = ReturnType<typeof createCaseService>;

export function createCaseService({ repo, reference, audited, now, attachments }: CaseServiceDeps) {
  const caseOrThrow = (id: string): StoredCase => {
    const found = repo.case(id);
    if (!found) throw new AppError('not-found', reason('case-not-found'));
    return found;
  };
  const bankOrThrow = (code: string): Bank => {
    const bank = reference.bankByCode(code);
    if (!bank) throw new AppError('not-found', reason('bank-unknown', { code }), 'targetBank');
    return bank;
  };
  const terminalOrThrow = (id: string): TerminalView => {
    const terminal = repo.terminal(id);
    if (!terminal) throw new AppError('not-found', reason('case-terminal-unknown'), 'terminalId');
    return terminal;
  };
  const sameVersion = (found: StoredCase, version: number): void => {
    if (found.version !== version) throw recordChanged('case');
  };
  // Engineers read the cases they have an appointment for; desk and admin read all.
  const checkReadable = (actor: Actor, caseId: string): void => {
    if (actor.role !== 'engineer') return;
    const engineerId = repo.engineerIdOfOperator(actor.operatorId);
    if (engineerId === undefined || !repo.hasAppointmentWith(caseId, engineerId)) throw new AppError('forbidden', reason('case-not-yours'));
  };
  const openCaseRefusal = (terminal: TerminalView, open: StoredCase) =>
    new AppError('conflict', reason('case-terminal-has-open-case', { serial: terminal.serial, caseId: open.id, state: caseStateNamed(open.state) }), 'terminalId');

  /** The gate's case-level reasons today (in the bank's zone), as the case page shows them. */
  const caseLevelReasons = (rebindCase: RebindCase, bank: Bank, terminal: TerminalView, merchant: MerchantView): Reason[] => {
    const model = reference.model(terminal.modelId);
    if (!model) return [reason('model-unknown')];
    const today = localDateOf(now().toISOString(), bank.timeZone);
    const compatibility = reference.compatibilityOf(terminal.modelId, bank.code) ?? null;
    const reasons = caseReasonsOn(
      {
        rebindCase,
        bank,
        merchant: { accountStatus: merchant.accountStatus, accountCheckedOn: merchant.accountCheckedOn ?? today, area: merchant.area },
        terminal: { modelId: terminal.modelId, firmware: terminal.firmware ?? '' },
        model: { ...model, id: model.id },
        compatibility,
      },
      today,
    );
    return merchant.accountCheckedOn === null ? [reason('case-account-not-checked'), ...reasons] : reasons;
  };

  return {
    /** Opens a draft case moving `terminalId` to `targetBank`, with a row for each material the bank requires. */
    open(actor: Actor, input: { terminalId: string; targetBank: string }): StoredCase {
      const at = now();
      const terminal = terminalOrThrow(input.terminalId);
      const bank = bankOrThrow(input.targetBank);
      if (bank.code === terminal.currentBank) throw new AppError('conflict', reason('case-target-is-current-bank', { bank: bank.name }), 'targetBank');
      const meta = newRecordMeta(actor.username, at);
      const record: StoredCase = { ...meta, state: 'draft', terminalId: terminal.id, merchantId: terminal.merchantId, targetBank: bank.code, materials: [], review: null, agreement: null };
      try {
        audited(
          (changes: RecordChange[]) => ({ actor: actor.username, action: deskAuditActions.caseOpened, entity: { type: 'case', id: record.id }, payload: { terminalId: terminal.id, serial: terminal.serial, from: terminal.currentBank, to: bank.code }, at, changes }),
          () => {
            // Inside the write transaction: another desk's case for the terminal committed before is seen here.
            const open = repo.openCaseOfTerminal(terminal.id);
            if (open) throw openCaseRefusal(terminal, open);
            const changes = [repo.insertCase(record)];
            changes.push(repo.insertTransition({ ...newRecordMeta(actor.username, at), caseId: record.id, fromState: 'draft', toState: 'draft', action: 'open' }));
            for (const { kind } of requiredMaterialsOf(bank)) changes.push(repo.insertMaterial({ ...newRecordMeta(actor.username, at), caseId: record.id, kind }));
            return changes;
          },
        );
        return caseOrThrow(record.id);
      } catch (error) {
        // The index is the last word: a case another process opened between the check and the insert.
        if (error instanceof Error && /UNIQUE constraint failed: cases\.terminal_id/.test(error.message)) {
          const open = repo.openCaseOfTerminal(terminal.id);
          if (open) throw openCaseRefusal(terminal, open);
        }
        throw error;
      }
    },

    /** The case page: the case, its terminal and merchant, timeline, materials, attachments, the gate's case-level reasons and the actions the caller may take. */
    get(actor: Actor, caseId: string) {
      checkReadable(actor, caseId);
      const rebindCase = caseOrThrow(caseId);
      const bank = bankOrThrow(rebindCase.targetBank);
      const terminal = terminalOrThrow(rebindCase.terminalId);
      const merchant = repo.merchant(rebindCase.merchantId)!;
      const rows = new Map(repo.materials(caseId).map((m) => [m.kind, m]));
      const materials = requiredMaterialsOf(bank).map((required) => {
        const material = rebindCase.materials.find((m) => m.kind === required.kind) ?? { kind: required.kind, received: false };
        return { ...material, validDays: required.validDays, lastValidDay: lastValidDay(material, required.validDays), version: rows.get(required.kind)?.version ?? null };
      });
      const open = isOpenCaseState(rebindCase.state);
      return {
        case: rebindCase,
        terminal,
        merchant,
        timeline: repo.timeline(caseId),
        materials,
        attachments: repo.attachments(caseId),
        gateReasons: open ? caseLevelReasons(rebindCase, bank, terminal, merchant) : [],
        actions: actionsFor(rebindCase.state, actor.role).filter((a) => !bookingActions.includes(a)),
      };
    },

    list(actor: Actor, query: CaseListQuery) {
      if (actor.role === 'engineer') {
        const engineerId = repo.engineerIdOfOperator(actor.operatorId);
        if (engineerId === undefined) return { rows: [], total: 0, totalCapped: false };
        return repo.list({ ...query, engineerId });
      }
      return repo.list(query);
    },

    /** A paperwork transition (approve and reject go through review, which records the decision). */
    transition(actor: Actor, input: { caseId: string; version: number; action: CaseAction; reason?: string | undefined }): StoredCase {
      if (bookingActions.includes(input.action)) throw new AppError('conflict', reason('case-action-through-booking', { action: caseActionNamed(input.action) }), 'action');
      if (input.action === 'approve' || input.action === 'reject') {
        return this.review(actor, { caseId: input.caseId, version: input.version, decision: input.action === 'approve' ? 'approved' : 'rejected', reason: input.reason });
      }
      const at = now();
      return audited(
        (applied: ReturnType<typeof applyTransition>) => applied.entry,
        () => {
          const current = caseOrThrow(input.caseId);
          sameVersion(current, input.version);
          return applyTransition(repo, current, input.action, actor, at, input.reason, { bank: bankOrThrow(current.targetBank) });
        },
      ).rebindCase;
    },

    /** Approves or rejects a case under review: the decision (who, when, why) and the transition in one operation. */
    review(actor: Actor, input: { caseId: string; version: number; decision: 'approved' | 'rejected'; reason?: string | undefined }): StoredCase {
      const at = now();
      const action: CaseAction = input.decision === 'approved' ? 'approve' : 'reject';
      const why = input.reason?.trim() || undefined;
      return audited(
        (applied: ReturnType<typeof applyTransition>) => [
          { actor: actor.username, action: deskAuditActions.caseReviewed, entity: { type: 'case', id: input.caseId }, payload: { decision: input.decision, ...(why !== undefined && { reason: why }) }, at },
          applied.entry,
        ],
        () => {
          const current = caseOrThrow(input.caseId);
          sameVersion(current, input.version);
          if (current.state !== 'under-review') throw new AppError('conflict', reason('case-review-not-under-review', { state: caseStateNamed(current.state) }));
          const review = { decision: input.decision, by: actor.username, at: at.toISOString(), ...(why !== undefined && { reason: why }) };
          return applyTransition(repo, current, action, actor, at, why, { bank: bankOrThrow(current.targetBank) }, { review });
        },
      ).rebindCase;
    },

    /** Records the signed agreement (date, signatory, the attached document) and moves the approved case to agreement-signed. */
    recordAgreement(actor: Actor, input: { caseId: string; version: number; signedOn: string; signatory: string; attachmentId: string }): StoredCase {
      const at = now();
      return audited(
        (applied: ReturnType<typeof applyTransition>) => [
          { actor: actor.username, action: deskAuditActions.caseAgreementRecorded, entity: { type: 'case', id: input.caseId }, payload: { signedOn: input.signedOn, signatory: input.signatory, attachmentId: input.attachmentId }, at },
          applied.entry,
        ],
        () => {
          const current = caseOrThrow(input.caseId);
          sameVersion(current, input.version);
          const document = repo.attachment(input.attachmentId);
          if (!document || document.caseId !== current.id) throw new AppError('invalid-input', reason('case-agreement-attachment-unknown'), 'attachmentId');
          const agreement = { signedOn: input.signedOn, signatory: input.signatory.trim(), attachmentId: document.id };
          return applyTransition(repo, current, 'sign-agreement', actor, at, undefined, { bank: bankOrThrow(current.targetBank) }, { agreement });
        },
      ).rebindCase;
    },

    /** Marks a material received (its day), verified (by the caller, now) and its last valid day (the document's or the bank's validDays, the earlier). */
    updateMaterial(actor: Actor, input: MaterialUpdate) {
      const at = now();
      return audited(
        (result: { row: Stored<MaterialFields>; change: RecordChange }) => ({
          actor: actor.username,
          action: deskAuditActions.caseMaterialUpdated,
          entity: { type: 'case', id: input.caseId },
          payload: { kind: input.kind, receivedOn: result.row.receivedOn ?? null, verified: result.row.verifiedBy !== undefined, expiresOn: result.row.expiresOn ?? null },
          at,
          changes: [result.change],
        }),
        () => {
          const current = caseOrThrow(input.caseId);
          if (materialsLocked.includes(current.state)) throw new AppError('conflict', reason('case-materials-locked', { state: caseStateNamed(current.state) }));
          const bank = bankOrThrow(current.targetBank);
          const required = requiredMaterialsOf(bank).find((m) => m.kind === input.kind);
          if (!required) throw new AppError('invalid-input', reason('case-material-not-required', { bank: bank.name, kind: input.kind }), 'kind');
          const named = materialNamed(input.kind);
          if (input.verified && input.receivedOn === null) throw new AppError('invalid-input', reason('case-material-verify-unreceived', { material: named }), 'verified');
          if (input.receivedOn !== null && input.expiresOn !== null && input.expiresOn < input.receivedOn) {
            throw new AppError('invalid-input', reason('case-material-expiry-before-receipt', { material: named, expiresOn: input.expiresOn, receivedOn: input.receivedOn }), 'expiresOn');
          }
          const before = repo.materials(current.id).find((m) => m.kind === input.kind);
          const received = input.receivedOn !== null ? { receivedOn: input.receivedOn } : {};
          const keepVerification = input.verified && before?.verifiedBy !== undefined && before.verifiedAt !== undefined && before.receivedOn === input.receivedOn;
          const verification = !input.verified ? {} : keepVerification ? { verifiedBy: before!.verifiedBy!, verifiedAt: before!.verifiedAt! } : { verifiedBy: actor.username, verifiedAt: at.toISOString() };
          const expiresOn = input.receivedOn === null ? null : lastValidDay({ receivedOn: input.receivedOn, ...(input.expiresOn !== null && { expiresOn: input.expiresOn }) }, required.validDays);
          const fields: MaterialFields = { caseId: current.id, kind: input.kind, ...received, ...verification, ...(expiresOn !== null && { expiresOn }) };
          if (!before) {
            const row = { ...fields, ...newRecordMeta(actor.username, at) };
            return { row, change: repo.insertMaterial(row) };
          }
          const row = { ...fields, ...nextRecordMeta(before, actor.username, at) };
          const change = repo.updateMaterial(row, before.version);
          if (!change) throw recordChanged('case');
          return { row, change };
        },
      ).row;
    },

    /** Stores a scan, photo or PDF (checked by its first bytes, at most 20 MB) once by content, and a row naming it for the case. */
    addAttachment(actor: Actor, input: { caseId: string; purpose: string; fileName: string; bytes: Buffer }): Stored<AttachmentFields> {
      const at = now();
      if (input.bytes.length === 0) throw new AppError('invalid-input', reason('attachment-empty'), 'data');
      if (input.bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('invalid-input', reason('attachment-too-large', { size: input.bytes.length, max: ATTACHMENT_MAX_BYTES }), 'data');
      const mediaType = sniffMediaType(input.bytes);
      if (mediaType === null) throw new AppError('invalid-input', reason('attachment-type-refused', { fileName: input.fileName }), 'data');
      const current = caseOrThrow(input.caseId);
      if (!isOpenCaseState(current.state)) throw new AppError('conflict', reason('case-is-final', { state: caseStateNamed(current.state) }));
      // The file first: a row never names bytes that are not there; a file without a row is only unused.
      const sha256 = attachments.put(input.bytes);
      const row: Stored<AttachmentFields> = { ...newRecordMeta(actor.username, at), caseId: current.id, purpose: input.purpose, sha256, fileName: input.fileName, mediaType, size: input.bytes.length };
      return audited(
        (result: { row: Stored<AttachmentFields>; change: RecordChange | null }) =>
          result.change === null
            ? null
            : { actor: actor.username, action: deskAuditActions.caseAttachmentAdded, entity: { type: 'case', id: current.id }, payload: { attachmentId: row.id, purpose: row.purpose, fileName: row.fileName, mediaType, size: row.size, sha256 }, at, changes: [result.change] },
        () => {
          // The same file attached again for the same purpose is the attachment already there.
          const same = repo.attachments(current.id).find((a) => a.sha256 === sha256 && a.purpose === input.purpose);
          if (same) return { row: same, change: null };
          return { row, change: repo.insertAttachment(row) };
        },
      ).row;
    },

    /** An attachment's bytes as a data URL (the UI shows images and PDFs from it), checked against its hash. */
    readAttachment(actor: Actor, attachmentId: string) {
      const row = repo.attachment(attachmentId);
      if (!row) throw new AppError('not-found', reason('attachment-not-found'));
      checkReadable(actor, row.caseId);
      const read = attachments.read(row.sha256);
      if (!read.ok) {
        throw new AppError('not-found', read.problem === 'missing' ? reason('attachment-file-missing', { fileName: row.fileName, sha256: row.sha256 }) : reason('attachment-file-damaged', { fileName: row.fileName }));
      }
      return { attachment: row, dataUrl: `data:${row.mediaType};base64,${read.bytes.toString('base64')}` };
    },
  };
}

