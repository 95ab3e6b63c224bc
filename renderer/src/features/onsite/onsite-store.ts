import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import type { BankTemplate, MerchantValues, RebindEvent, RebindOutcome, RebindStep, StepProgress, WorkOrder } from '../../../../shared/rebind';
import { forwardSteps } from '../../../../shared/rebind';
import type { PendingOperation } from '../../../../shared/rebind/rebind-ipc';
import type { Reason } from '../../../../shared/errors/reason';
import { invoke, onEvent } from '../../bridge/rebind-api';

/** One row of the On-site step list. */
export interface StepRow {
  step: RebindStep;
  status: 'waiting' | 'running' | 'ok' | 'failed' | 'skipped';
  durationMs: number | null;
  progress: StepProgress | null;
  /** Why the step failed, said in the user's language where it is shown. */
  error: Reason | null;
}

/** What the engineer typed into the On-site form; kept here so it survives switching pages. */
export interface RebindFormState {
  templateId: string | null;
  merchant: { tid: string; mid: string; name: string; mcc: string };
  order: { caseRef: string; expectedSerial: string; expectedTid: string; expectedModel: string };
  override: boolean;
  overrideReason: string;
}

/** The appointment the form was filled from (the Today page): its case travels with rebind:start by id. */
export interface OnsiteVisit {
  appointmentId: string;
  caseId: string;
  /** The case's state as last read: when filled, then after each run. */
  caseState: string;
  bankName: string;
  shortName: string;
  /** The appointment's day and wall times in the engineer's zone. */
  date: string;
  from: string;
  to: string;
  zone: string;
}

/** What the last run did to its visit's case, read back from the desk once the outcome arrived. */
export type CaseAfterRun = { caseId: string; before: string; after: string } | { caseId: string; unread: unknown };

const freshRows = (): StepRow[] => forwardSteps.map((step) => ({ step, status: 'waiting', durationMs: null, progress: null, error: null }));

/** The On-site view: templates, the running rebind's steps and progress, the receipt and the outcome. */
export const useOnsiteStore = defineStore('onsite', () => {
  const templates = ref<BankTemplate[]>([]);
  const form = reactive<RebindFormState>({
    templateId: null,
    merchant: { tid: '', mid: '', name: '', mcc: '' },
    order: { caseRef: '', expectedSerial: '', expectedTid: '', expectedModel: '' },
    override: false,
    overrideReason: '',
  });
  const pending = ref<PendingOperation[]>([]);
  const rows = ref<StepRow[]>(freshRows());
  const decisions = ref<Reason[]>([]);
  const receipt = ref<string[] | null>(null);
  const outcome = shallowRef<RebindOutcome | null>(null);
  const running = ref(false);
  /** Why the last run could not start (the engine refused it before the first step). */
  const startError = ref<Reason | null>(null);
  /** The run that just ended rebound (terminal, template, values): Start is not offered again for the same one. */
  const reboundKey = ref<string | null>(null);
  /** Cancel was asked for the running rebind; it stops at the next safe point. */
  const cancelling = ref(false);
  /** The appointment this form is for; null for a run without a desk case (depot, free-text reference). */
  const visit = ref<OnsiteVisit | null>(null);
  const caseAfter = ref<CaseAfterRun | null>(null);
  let startedKey: string | null = null;
  let startedVisit: OnsiteVisit | null = null;
  let subscribed = false;

  const row = (step: RebindStep): StepRow => {
    let found = rows.value.find((r) => r.step === step);
    if (!found) {
      // Recovery steps (reconnect, rollback, …) appear in the list when they run.
      found = { step, status: 'waiting', durationMs: null, progress: null, error: null };
      rows.value.push(found);
    }
    return found;
  };

  const apply = (event: RebindEvent) => {
    switch (event.type) {
      case 'operation':
        running.value = true;
        break;
      case 'step-started':
        Object.assign(row(event.step), { status: 'running', progress: null, error: null });
        break;
      case 'step-progress':
        row(event.step).progress = event.progress;
        break;
      case 'step-finished':
        Object.assign(row(event.step), { status: event.status, durationMs: event.durationMs, error: event.error });
        break;
      case 'decision':
        decisions.value.push(event.message);
        break;
      case 'receipt':
        receipt.value = event.lines;
        break;
      case 'outcome':
        // The run is over: a step that never ran (a rollback or a refusal went around it) was skipped, not waiting.
        for (const r of rows.value) if (r.status === 'waiting') r.status = 'skipped';
        outcome.value = event.outcome;
        running.value = false;
        cancelling.value = false;
        reboundKey.value = event.outcome.outcome === 'rebound' ? startedKey : null;
        void refreshPending();
        if (startedVisit) void readCaseAfter(startedVisit);
        break;
    }
  };

  const reset = () => {
    rows.value = freshRows();
    decisions.value = [];
    receipt.value = null;
    outcome.value = null;
    startError.value = null;
    caseAfter.value = null;
  };

  // Main moved the case before it told the outcome (onsite-service): reading it now reads it moved.
  async function readCaseAfter(ran: OnsiteVisit): Promise<void> {
    try {
      const after = (await invoke('desk:case-get', { caseId: ran.caseId })).case.state;
      caseAfter.value = { caseId: ran.caseId, before: ran.caseState, after };
      if (visit.value?.caseId === ran.caseId) visit.value = { ...visit.value, caseState: after };
    } catch (error) {
      // Kept as it came: the banner says it with describeError, in the language of the moment.
      caseAfter.value = { caseId: ran.caseId, unread: error };
    }
  }

  /** Fills the form from an appointment's work order; the next start names its case. */
  function attachVisit(filled: { form: RebindFormState; visit: OnsiteVisit }): void {
    Object.assign(form, { templateId: filled.form.templateId, override: filled.form.override, overrideReason: filled.form.overrideReason });
    Object.assign(form.merchant, filled.form.merchant);
    Object.assign(form.order, filled.form.order);
    visit.value = filled.visit;
    reboundKey.value = null;
    if (!running.value) reset();
  }

  /** Back to a run without a desk case: the form stays, the case reference is free text again. */
  function detachVisit(): void {
    visit.value = null;
    form.order.caseRef = '';
    caseAfter.value = null;
  }

  /** Loads the bank templates and interrupted operations, and follows the engine's events. */
  async function load(): Promise<void> {
    if (!subscribed) {
      subscribed = true;
      onEvent('rebind:event', apply);
      onEvent('rebind:start-failed', ({ reason }) => {
        startError.value = reason;
        running.value = false;
        cancelling.value = false;
        void refreshPending();
      });
    }
    templates.value = (await invoke('rebind:templates', {})).templates;
    await refreshPending();
  }

  /** Interrupted operations waiting for resume or restore. */
  async function refreshPending(): Promise<void> {
    pending.value = (await invoke('rebind:pending', {})).operations;
  }

  /** Starts a rebind of the connected terminal; progress arrives as events. `key` names the terminal, template and values. */
  async function start(input: { templateId: string; merchant: MerchantValues; workOrder: WorkOrder }, key: string | null = null): Promise<void> {
    reset();
    startedKey = key;
    startedVisit = visit.value;
    reboundKey.value = null;
    running.value = true;
    try {
      await invoke('rebind:start', startedVisit ? { ...input, caseId: startedVisit.caseId } : input);
    } catch (error) {
      running.value = false;
      throw error;
    }
  }

  /** Finishes (resume) or undoes (restore) an interrupted operation on the connected terminal. */
  async function recover(operationId: number, mode: 'resume' | 'restore'): Promise<void> {
    reset();
    startedKey = null;
    // A recovered operation names its case in the journal; main moves it, this view does not know which.
    startedVisit = null;
    running.value = true;
    try {
      await invoke('rebind:recover', { operationId, mode });
    } catch (error) {
      running.value = false;
      throw error;
    }
  }

  /** Asks the running rebind to stop at the next safe point; its outcome still arrives as an event. */
  async function cancel(): Promise<void> {
    cancelling.value = true;
    try {
      const { cancelling: accepted } = await invoke('rebind:cancel', {});
      if (!accepted) cancelling.value = false;
    } catch (error) {
      cancelling.value = false;
      throw error;
    }
  }

  const stepsDone = computed(() => rows.value.filter((r) => r.status === 'ok' || r.status === 'skipped').length);

  return { templates, form, pending, rows, decisions, receipt, outcome, running, startError, reboundKey, cancelling, stepsDone, visit, caseAfter, load, refreshPending, start, recover, cancel, attachVisit, detachVisit };
});
