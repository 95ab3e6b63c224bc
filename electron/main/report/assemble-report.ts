// The report's content from what the visit left: the desk's records, the checklist run (its
// template version, each step's current answer, the evidence) and the rebind journal. Pure: the
// service reads the sources, this decides what the report says. The terminal's identity and its
// binding before and after come from the journal where it holds them (what was on the device),
// and from the desk's records only where no rebind ran.
import type { JournalFacts, RunView, StepState } from '../../../shared/checklist';
import type { ReportAnswer, ReportSignature, ReportStep, ServiceReportContent, TerminalBinding } from '../../../shared/report/service-report';
import { SERVICE_REPORT_FORMAT } from '../../../shared/report/service-report';
import type { OperationFacts, VisitFacts } from './report-sources';

/** What a report is made of. */
export interface ReportParts {
  reportNumber: string;
  supersedes: string | null;
  issuedAt: Date;
  issuer: { username: string; displayName: string };
  visit: VisitFacts;
  view: RunView;
  operation: OperationFacts | undefined;
  /** The batch-settled facts of the run's operation, read from its journal (null: no settle step). */
  settled: Extract<JournalFacts, { check: 'batch-settled' }> | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The binding before the push (HELLO at identify) and after it (the set the terminal ended on). */
function bindings(visit: VisitFacts, operation: OperationFacts | undefined): { before: TerminalBinding; after: TerminalBinding } {
  const identity = operation?.identity ?? null;
  const before: TerminalBinding = identity
    ? { tid: text(identity['tid']), mid: text(identity['mid']), acquirerId: text(identity['acquirerId']), parameterDigest: operation?.digestBefore ?? text(identity['activeDigest']) }
    : { tid: visit.terminal.tid, mid: visit.terminal.mid, acquirerId: null, parameterDigest: operation?.digestBefore ?? null };
  if (!operation) return { before, after: before };
  const final = operation.finalDigest;
  if (final !== null && final === operation.targetDigest) {
    const tags = operation.targetClearTags;
    return { before, after: { tid: tags['A001'] ?? null, mid: tags['A002'] ?? null, acquirerId: tags['A010'] ?? null, parameterDigest: final } };
  }
  // Restored, or never pushed: the terminal kept (or got back) the set it had.
  if (final === null || final === before.parameterDigest) return { before, after: { ...before, parameterDigest: final ?? before.parameterDigest } };
  return { before, after: { tid: null, mid: null, acquirerId: null, parameterDigest: final } };
}

function answerOf(step: RunView['template']['steps'][number], state: StepState, view: RunView): ReportAnswer | null {
  const value = state.current?.value;
  if (!value) return null;
  switch (value.kind) {
    case 'auto':
      return { kind: 'auto', check: value.check, passed: value.passed, stepStatus: value.stepStatus, facts: value.facts };
    case 'tick':
      return { kind: 'tick', checked: value.checked };
    case 'number':
      return { kind: 'number', value: value.value, unit: step.kind === 'number' ? (step.unit ?? null) : null };
    case 'choice': {
      const option = step.kind === 'choice' ? step.options.find((o) => o.id === value.optionId) : undefined;
      return { kind: 'choice', optionId: value.optionId, optionLabel: option?.label ?? { 'zh-CN': value.optionId, 'en-US': value.optionId } };
    }
    case 'text':
      return { kind: 'text', text: value.text };
    case 'evidence': {
      const files = value.attachmentIds.flatMap((id) => view.evidence.filter((file) => file.id === id)).map((file) => ({ sha256: file.sha256, fileName: file.fileName, mediaType: file.mediaType, size: file.size }));
      return { kind: 'evidence', files };
    }
    case 'signature':
      return { kind: 'signature', signer: value.signer };
  }
}

/** The signature of each signer: the last signature step of that signer that holds one. */
function signaturesOf(view: RunView): ServiceReportContent['signatures'] {
  const found: ServiceReportContent['signatures'] = { merchant: null, engineer: null };
  for (const state of view.steps) {
    const value = state.current?.value;
    if (value?.kind !== 'signature') continue;
    const signature: ReportSignature = {
      signer: value.signer,
      signerName: value.signerName,
      strokes: value.strokes,
      svg: value.svg,
      width: value.width,
      height: value.height,
      signedAt: state.current!.answeredAt,
      stepId: state.stepId,
    };
    found[value.signer] = signature;
  }
  return found;
}

/** The report's content. The run must be finished (the service checks). */
export function assembleReport(parts: ReportParts): ServiceReportContent {
  const { visit, view, operation } = parts;
  const run = view.run;
  const identity = operation?.identity ?? null;
  const steps = view.template.steps.map((step, index): ReportStep => {
    const state = view.steps[index]!;
    return {
      position: index + 1,
      stepId: step.id,
      label: step.label,
      required: step.required,
      answer: answerOf(step, state, view),
      answeredAt: state.current?.answeredAt ?? null,
      answeredBy: state.current?.answeredBy ?? null,
      earlierAnswers: Math.max(0, state.history.length - 1),
    };
  });
  const { before, after } = bindings(visit, operation);
  return {
    format: SERVICE_REPORT_FORMAT,
    reportNumber: parts.reportNumber,
    supersedes: parts.supersedes,
    issuedAt: parts.issuedAt.toISOString(),
    issuedBy: parts.issuer,
    case: { id: visit.caseId },
    appointment: {
      id: visit.appointment.id,
      startsAt: visit.appointment.startsAt,
      endsAt: visit.appointment.endsAt,
      engineer: { username: visit.appointment.engineerUsername, displayName: visit.appointment.engineerName },
    },
    merchant: visit.merchant,
    terminal: {
      id: visit.terminal.id,
      vendor: text(identity?.['vendor']) ?? visit.terminal.vendor,
      model: text(identity?.['model']) ?? visit.terminal.model,
      serialNumber: text(identity?.['serialNumber']) ?? visit.terminal.serial,
      firmware: text(identity?.['firmware']) ?? visit.terminal.firmware,
    },
    previousBank: visit.currentBankName === null ? null : { code: visit.terminal.currentBank, name: visit.currentBankName },
    newBank: visit.targetBank,
    operationId: operation?.id ?? null,
    before,
    after,
    settledBatch: parts.settled === null ? null : { count: parts.settled.count, totalFen: parts.settled.totalFen, balanced: parts.settled.balanced, skipped: parts.settled.skipped },
    checklist: {
      runId: run.id,
      templateId: run.templateId,
      templateVersion: run.templateVersion,
      outcome: run.outcome!,
      finishedAt: run.finishedAt!,
      finishedBy: run.finishedBy!,
      steps,
    },
    signatures: signaturesOf(view),
  };
}
