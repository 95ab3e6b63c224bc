// A checklist run on site (issue 11 point 2): started on an appointment with the bank's newest
// template version, answered step by step — each answer its own FULL-synchronous audited
// transaction, appended and never overwritten — automatic steps read from the case's rebind
// journal, and the outcome that ends the run, closes the appointment and moves the case, all in
// one transaction. docs/checklist.md.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  checkAnswer,
  checklistAuditActions,
  missingStepReasons,
  missingSteps,
  type AnswerValue,
  type ChecklistStep,
  type ManualAnswerValue,
  type RunOutcome,
  type RunView,
  type StoredAnswer,
  type StoredRun,
} from '../../../shared/checklist';
import { canonicalJson } from '../../../shared/audit/canonical-json';
import type { Actor } from '../../../shared/auth/session';
import { caseStateNamed, type CaseAction } from '../../../shared/desk/case-states';
import { reason, type Reason } from '../../../shared/errors/reason';
import type { MainReason } from '../../../shared/errors/reasons-en';
import type { CaseState } from '../../../shared/desk/model';
import type { FinishResult } from '../../../shared/ipc/contract-checklist';
import { AppError } from '../app-error';
import type { AuditedEntry, AuditedWrite } from '../db/audited';
import type { RecordChange } from '../db/outbox';
import { newRecordMeta, nextRecordMeta } from '../db/record-meta';
import type { ContentStore } from '../fs/content-store';
import type { AppointmentRepository, StoredAppointment } from '../desk/booking/appointment-repository';
import { ATTACHMENT_MAX_BYTES, sniffMediaType } from '../desk/cases/attachment-type';
import type { AttachmentFields, CaseRepository } from '../desk/cases/case-repository';
import { applyTransition } from '../desk/cases/case-transition';
import type { ReferenceRepository } from '../desk/reference/reference-repository';
import { recordChanged } from '../desk/records/save-record';
import type { Stored } from '../db/record-table';
import type { ChecklistRepository } from './checklist-repository';
import { isConstraintViolation } from './constraint-violation';
import { automaticAnswer } from './journal-facts';
import type { JournalReader } from './journal-reader';
import { buildRunView } from './run-view';

export interface RunServiceDeps {
  repo: ChecklistRepository;
  cases: CaseRepository;
  appointments: AppointmentRepository;
  reference: Pick<ReferenceRepository, 'bankByCode' | 'engineerOfOperator' | 'engineer'>;
  journal: JournalReader;
  /** The case attachment store: evidence files are kept there, by content. */
  attachments: ContentStore;
  audited: AuditedWrite;
  now: () => Date;
}

/** The attachments' purpose for checklist evidence (the case page lists them with the rest). */
export const EVIDENCE_PURPOSE = 'checklist-evidence';

const mediaNames: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };
// Each answer is its own FULL commit: when the call returns, a power cut cannot take it back.
const durable = { durability: 'full' } as const;
const digestOf = (value: AnswerValue) => createHash('sha256').update(canonicalJson(value)).digest('hex');

export type RunService = ReturnType<typeof createRunService>;

export function createRunService(deps: RunServiceDeps) {
  const { repo, cases, appointments, reference, journal, audited, now } = deps;

  const viewOf = (run: StoredRun): RunView => buildRunView(run, repo, cases);

  const appointmentOf = (appointmentId: string): StoredAppointment => {
    const found = appointments.get(appointmentId);
    if (!found) throw new AppError('not-found', reason('appointment-not-found'));
    return found;
  };

  // An engineer runs only the checklist of their own appointment; an admin any.
  const mustOwn = (caller: Actor, appointment: StoredAppointment): void => {
    if (caller.role === 'admin') return;
    if (appointment.engineerId !== reference.engineerOfOperator(caller.operatorId)?.id) throw new AppError('forbidden', reason('appointment-not-yours'));
  };

  const runOf = (runId: string): StoredRun => {
    const run = repo.run(runId);
    if (!run) throw new AppError('not-found', reason('checklist-run-not-found'));
    return run;
  };

  const finishedRefusal = (run: StoredRun) => new AppError('conflict', reason('checklist-run-finished', { at: run.finishedAt ?? '', by: run.finishedBy ?? '' }));

  // The run, open, on the caller's own appointment.
  const openRunFor = (caller: Actor, runId: string): StoredRun => {
    const run = runOf(runId);
    mustOwn(caller, appointmentOf(run.appointmentId));
    if (run.status !== 'open') throw finishedRefusal(run);
    return run;
  };

  const stepOf = (run: StoredRun, stepId: string): { step: ChecklistStep; position: number } => {
    const template = repo.template(run.templateId)!;
    const index = template.steps.findIndex((s) => s.id === stepId);
    if (index < 0) throw new AppError('invalid-input', reason('checklist-step-unknown', { step: stepId }), 'stepId');
    return { step: template.steps[index]!, position: index + 1 };
  };

  const heldEvidence = (run: StoredRun, stepId: string): string[] => {
    const current = repo.currentAnswer(run.id, stepId)?.value;
    return current?.kind === 'evidence' ? current.attachmentIds : [];
  };

  // Appends an answer after the step's current one, inside the caller's transaction. A trigger
  // refuses it when the run finished meanwhile (another window or process).
  const append = (run: StoredRun, stepId: string, value: AnswerValue, source: StoredAnswer['source'], actor: string, at: Date): { answer: StoredAnswer; change: RecordChange } => {
    const answer: StoredAnswer = { id: uuidv7(), runId: run.id, stepId, value, source, answeredAt: at.toISOString(), answeredBy: actor, replaces: repo.currentAnswer(run.id, stepId)?.id ?? null };
    return { answer, change: repo.insertAnswer(answer) };
  };

  const answerEntry = (run: StoredRun, actor: string, at: Date, answer: StoredAnswer, changes: RecordChange[], action: string = checklistAuditActions.answerGiven): AuditedEntry => ({
    actor,
    action,
    entity: { type: 'checklist-run', id: run.id },
    // The value's digest binds the stored answer to the audit chain without copying strokes into it.
    payload: { stepId: answer.stepId, answerId: answer.id, replaces: answer.replaces, kind: answer.value.kind, valueSha256: digestOf(answer.value) },
    at,
    changes,
  });

  const answerResult = (run: StoredRun, stepId: string) => {
    const template = repo.template(run.templateId)!;
    const history = repo.stepAnswers(run.id, stepId);
    // Completion reads only each step's current answer: the history of the others is not parsed.
    const current = new Map(repo.currentAnswers(run.id).map((a) => [a.stepId, a]));
    const states = template.steps.map((s) => ({ stepId: s.id, current: current.get(s.id) ?? null, history: [] }));
    return { step: { stepId, current: history[history.length - 1] ?? null, history }, missing: missingSteps(template.steps, states) };
  };

  /** Reads the automatic steps from the case's newest rebind operation; appends an answer only where the facts changed. */
  const fillAutomatic = (caller: Actor, run: StoredRun): StoredRun => {
    const operation = journal.latestOperationOf(run.caseId);
    if (!operation) return run;
    const template = repo.template(run.templateId)!;
    const fresh = template.steps.flatMap((step) => {
      if (step.kind !== 'auto') return [];
      const value = automaticAnswer(step.check, operation);
      const current = repo.currentAnswer(run.id, step.id)?.value;
      return current !== undefined && canonicalJson(current) === canonicalJson(value) ? [] : [{ stepId: step.id, value }];
    });
    if (fresh.length === 0 && run.operationId === operation.id) return run;
    const at = now();
    return audited(
      (result: { run: StoredRun; changes: RecordChange[] }) => ({
        actor: caller.username,
        action: checklistAuditActions.automaticFilled,
        entity: { type: 'checklist-run', id: run.id },
        payload: { operationId: operation.id, steps: fresh.map((f) => ({ stepId: f.stepId, passed: f.value.passed, valueSha256: digestOf(f.value) })) },
        at,
        changes: result.changes,
      }),
      () => {
        const changes = fresh.map((f) => append(run, f.stepId, f.value, 'journal', caller.username, at).change);
        if (run.operationId === operation.id) return { run, changes };
        const after: StoredRun = { ...run, operationId: operation.id, ...nextRecordMeta(run, caller.username, at) };
        const change = repo.updateRun(after, run.version);
        if (!change) throw new AppError('conflict', reason('checklist-run-changed'));
        return { run: after, changes: [...changes, change] };
      },
      durable,
    ).run;
  };

  // Which case rows an outcome takes from the case's state (docs/checklist.md); null: not possible.
  const caseActionsFor = (outcome: RunOutcome, state: string): CaseAction[] | null => {
    if (outcome.kind === 'completed') return state === 'rebound' ? ['sign-off'] : null;
    if (state === 'scheduled') return ['start-on-site', 'record-failure'];
    if (state === 'on-site' || state === 'rebound') return ['record-failure'];
    if (state === 'failed') return [];
    return null;
  };

  const outcomeWhy = (outcome: RunOutcome): string | undefined =>
    outcome.kind === 'completed' ? undefined : outcome.kind === 'restored' ? `checklist restored: ${outcome.note}` : `checklist failed (${outcome.cause}): ${outcome.text}`;

  return {
    start(caller: Actor, appointmentId: string): RunView {
      const appointment = appointmentOf(appointmentId);
      mustOwn(caller, appointment);
      const existing = repo.openRunOf(appointment.id);
      if (existing) return viewOf(fillAutomatic(caller, existing));
      if (appointment.status === 'cancelled' || appointment.status === 'done') throw new AppError('conflict', reason(appointment.status === 'done' ? 'checklist-appointment-done' : 'checklist-appointment-cancelled'));
      const rebindCase = cases.case(appointment.caseId);
      if (!rebindCase) throw new AppError('not-found', reason('appointment-case-not-found'));
      const template = repo.latestTemplate(rebindCase.targetBank);
      if (!template) throw new AppError('not-found', reason('checklist-no-template', { bank: rebindCase.targetBank }));
      const at = now();
      const run: StoredRun = {
        ...newRecordMeta(caller.username, at),
        appointmentId: appointment.id,
        caseId: rebindCase.id,
        templateId: template.id,
        bankCode: template.bankCode,
        templateVersion: template.templateVersion,
        status: 'open',
        operationId: null,
        outcome: null,
        finishedAt: null,
        finishedBy: null,
      };
      let started: StoredRun;
      try {
        started = audited(
          (change: RecordChange | null) =>
            change === null
              ? null
              : { actor: caller.username, action: checklistAuditActions.runStarted, entity: { type: 'checklist-run', id: run.id }, payload: { appointmentId: appointment.id, caseId: run.caseId, templateId: template.id, bankCode: template.bankCode, templateVersion: template.templateVersion }, at, changes: [change] },
          () => (repo.openRunOf(appointment.id) ? null : repo.insertRun(run)),
          durable,
        ) === null
          ? repo.openRunOf(appointment.id)!
          : run;
      } catch (error) {
        // Another process opened one between our read and our write: the index let only one in.
        if (!isConstraintViolation(error)) throw error;
        started = repo.openRunOf(appointment.id)!;
      }
      return viewOf(fillAutomatic(caller, started));
    },

    get(input: { runId: string } | { appointmentId: string }): RunView | null {
      const run = 'runId' in input ? runOf(input.runId) : repo.latestRunOf(input.appointmentId);
      return run ? viewOf(run) : null;
    },

    answer(caller: Actor, runId: string, stepId: string, value: ManualAnswerValue) {
      const run = openRunFor(caller, runId);
      const { step, position } = stepOf(run, stepId);
      const problem = checkAnswer(step, position, value, new Set(heldEvidence(run, stepId)));
      if (problem) throw new AppError('invalid-input', problem as MainReason, 'value');
      const at = now();
      audited(
        (given: { answer: StoredAnswer; change: RecordChange }) => answerEntry(run, caller.username, at, given.answer, [given.change]),
        () => append(run, stepId, value, 'engineer', caller.username, at),
        durable,
      );
      return answerResult(run, stepId);
    },

    evidenceAdd(caller: Actor, input: { runId: string; stepId: string; fileName: string; bytes: Buffer }) {
      const run = openRunFor(caller, input.runId);
      const { step, position } = stepOf(run, input.stepId);
      if (step.kind !== 'evidence') throw new AppError('invalid-input', reason('checklist-answer-kind-mismatch', { position, step: step.id, expected: step.kind, given: 'evidence' }), 'stepId');
      if (input.bytes.length === 0) throw new AppError('invalid-input', reason('attachment-empty'), 'data');
      if (input.bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('invalid-input', reason('attachment-too-large', { size: input.bytes.length, max: ATTACHMENT_MAX_BYTES }), 'data');
      const mediaType = sniffMediaType(input.bytes);
      if (mediaType === null || !(step.accept as readonly string[]).includes(mediaType)) {
        throw new AppError('invalid-input', reason('checklist-evidence-type', { position, step: step.id, accepted: step.accept.map((t) => mediaNames[t]).join(', '), fileName: input.fileName }), 'data');
      }
      const held = heldEvidence(run, step.id);
      if (held.length >= step.maxFiles) throw new AppError('invalid-input', reason('checklist-evidence-too-many', { position, step: step.id, max: step.maxFiles }), 'data');
      // The file first: a row never names bytes that are not there; a file without a row is only unused.
      const sha256 = deps.attachments.put(input.bytes);
      const at = now();
      const added = audited(
        (result: { attachment: Stored<AttachmentFields>; answer: StoredAnswer; changes: RecordChange[] }) =>
          answerEntry(run, caller.username, at, result.answer, result.changes, checklistAuditActions.evidenceAdded),
        () => {
          // The same photo given again for this case's checklist is the attachment already there.
          const same = cases.attachments(run.caseId).find((a) => a.sha256 === sha256 && a.purpose === EVIDENCE_PURPOSE);
          const attachment: Stored<AttachmentFields> = same ?? { ...newRecordMeta(caller.username, at), caseId: run.caseId, purpose: EVIDENCE_PURPOSE, sha256, fileName: input.fileName, mediaType, size: input.bytes.length };
          const changes = same ? [] : [cases.insertAttachment(attachment)];
          const now = heldEvidence(run, step.id);
          const ids = now.includes(attachment.id) ? now : [...now, attachment.id];
          const given = append(run, step.id, { kind: 'evidence', attachmentIds: ids }, 'engineer', caller.username, at);
          return { attachment, answer: given.answer, changes: [...changes, given.change] };
        },
        durable,
      );
      const { attachment } = added;
      return {
        attachment: { id: attachment.id, sha256: attachment.sha256, fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size, createdAt: attachment.createdAt, createdBy: attachment.createdBy },
        result: answerResult(run, step.id),
      };
    },

    fillAutomatic(caller: Actor, runId: string): RunView {
      return viewOf(fillAutomatic(caller, openRunFor(caller, runId)));
    },

    finish(caller: Actor, runId: string, outcome: RunOutcome): FinishResult {
      const run = fillAutomatic(caller, openRunFor(caller, runId));
      const before = viewOf(run);
      if (outcome.kind === 'completed' && before.missing.length > 0) return { finished: false, reasons: missingStepReasons(before.missing) as MainReason[], missing: before.missing };
      const rebindCase = cases.case(run.caseId);
      if (!rebindCase) throw new AppError('not-found', reason('appointment-case-not-found'));
      const actions = caseActionsFor(outcome, rebindCase.state);
      if (actions === null) {
        const refusal: Reason = reason('checklist-outcome-case-state', { state: caseStateNamed(rebindCase.state), outcome: reason(`checklist-outcome-${outcome.kind}`) });
        return { finished: false, reasons: [refusal as MainReason], missing: before.missing };
      }
      const bank = reference.bankByCode(rebindCase.targetBank);
      if (!bank) throw new AppError('not-found', reason('checklist-template-bank-unknown', { bank: rebindCase.targetBank }));
      const at = now();
      const finished = audited(
        (result: { run: StoredRun; entries: AuditedEntry[]; caseState: CaseState }) => result.entries,
        () => {
          const current = repo.run(run.id);
          if (!current || current.version !== run.version) throw new AppError('conflict', reason('checklist-run-changed'));
          const appointment = appointmentOf(run.appointmentId);
          const closed: StoredAppointment = { ...appointment, status: 'done', ...nextRecordMeta(appointment, caller.username, at) };
          const appointmentChange = appointments.update(closed, appointment.version);
          if (!appointmentChange) throw recordChanged('appointment');
          const after: StoredRun = { ...current, status: 'finished', outcome, finishedAt: at.toISOString(), finishedBy: caller.username, ...nextRecordMeta(current, caller.username, at) };
          const runChange = repo.updateRun(after, current.version);
          if (!runChange) throw new AppError('conflict', reason('checklist-run-changed'));
          const entries: AuditedEntry[] = [
            {
              actor: caller.username,
              action: checklistAuditActions.runFinished,
              entity: { type: 'checklist-run', id: run.id },
              payload: { outcome: outcome.kind, ...(outcome.kind === 'failed' && { cause: outcome.cause }), appointmentId: appointment.id, caseId: run.caseId, caseFrom: rebindCase.state, caseActions: actions, templateVersion: run.templateVersion },
              at,
              changes: [runChange, appointmentChange],
            },
          ];
          let moving = rebindCase;
          for (const action of actions) {
            const applied = applyTransition(cases, moving, action, { username: caller.username, role: caller.role }, at, action === 'record-failure' ? outcomeWhy(outcome) : undefined, { bank });
            entries.push(applied.entry);
            moving = applied.rebindCase;
          }
          return { run: after, entries, caseState: moving.state };
        },
        durable,
      );
      return { finished: true, view: viewOf(finished.run), appointmentStatus: 'done', caseState: finished.caseState };
    },
  };
}
