import type { PendingOperation } from '../../../shared/rebind/rebind-ipc';
import { templateParameterSet, type BankTemplate, type MerchantValues } from '../../../shared/rebind/bank-template';
import type { RebindEvent } from '../../../shared/rebind/rebind-events';
import { rebindSteps, type RebindStep } from '../../../shared/rebind/rebind-steps';
import type { WorkOrder } from '../../../shared/rebind/work-order';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import type { MainReason } from '../../../shared/errors/reasons-en';
import { failureDetail } from '../rebind/rebind-failure';
import type { RebindEngine } from '../rebind/rebind-engine';
import type { TerminalService } from '../terminal/service/terminal-service';
import type { VisitOutcomePort } from '../desk/booking/visit-outcome-port';
import type { RebindOutcome } from '../../../shared/rebind/rebind-outcome';

export interface OnsiteServiceDeps {
  engine: RebindEngine;
  terminal: TerminalService;
  templates: () => BankTemplate[];
  /** Receives every engine event, to forward to the renderer. */
  emit: (event: RebindEvent) => void;
  /** Told when a run ends without an outcome: the engine refused it before it began. */
  emitFailure: (failure: { message: string; reason: MainReason }) => void;
  /** Where a run that failed outside the engine's own handling is reported. */
  logError?: (error: unknown) => void;
  /** Waits `ms` (shutdown's grace period); setTimeout by default, tests drive it by hand. */
  wait?: (ms: number) => Promise<void>;
  /** Told the outcome of a rebind for a desk case, which moves the case (desk/booking). */
  visitOutcome?: VisitOutcomePort;
}

/** The On-site view's service: runs the engine on the connected terminal, one rebind at a time. */
export interface OnsiteService {
  templates(): BankTemplate[];
  pending(actor: string): PendingOperation[];
  /** Starts a rebind in the background; its progress and outcome arrive as events. */
  start(input: { templateId: string; merchant: MerchantValues; workOrder: WorkOrder; caseId?: string | undefined }, actor: string): Promise<{ started: true }>;
  /** Starts finishing or undoing an interrupted operation in the background. */
  recover(input: { operationId: number; mode: 'resume' | 'restore' }, actor: string): Promise<{ started: true }>;
  /** Asks the running rebind to stop at its next safe point; false when none runs. */
  cancel(): boolean;
  /** True while a rebind runs. */
  busy(): boolean;
  /** Waits for the running rebind, if any (tests). */
  idle(): Promise<void>;
  /**
   * At app shutdown: asks a running rebind to cancel, waits for it at most `graceMs`, then gives up
   * on it (the journal keeps it open for recovery at the next start). Resolves true when it ended.
   */
  shutdown(graceMs: number): Promise<boolean>;
}

export function createOnsiteService(deps: OnsiteServiceDeps): OnsiteService {
  let running: Promise<void> | null = null;
  let controller: AbortController | null = null;
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.()));

  const launch = async (work: (access: Awaited<ReturnType<TerminalService['lend']>>['access'], signal: AbortSignal) => Promise<unknown>): Promise<{ started: true }> => {
    if (running) throw new AppError('conflict', reason('rebind-running'));
    // Claimed before the first await, so a second start in the same tick is refused too.
    let finished!: () => void;
    running = new Promise<void>((resolve) => (finished = resolve));
    const cancel = new AbortController();
    controller = cancel;
    let lent: Awaited<ReturnType<TerminalService['lend']>>;
    try {
      lent = await deps.terminal.lend();
    } catch (error) {
      running = null;
      controller = null;
      finished();
      throw error;
    }
    // The IPC call returns at once; the engine's events tell the story, its outcome ends it.
    void (async () => {
      try {
        await work(lent.access, cancel.signal);
      } catch (error) {
        (deps.logError ?? ((e) => console.error('[onsite] rebind failed before it could start', e)))(error);
      } finally {
        await lent.giveBack().catch(() => undefined);
        running = null;
        controller = null;
        finished();
      }
    })();
    return { started: true };
  };

  const stepOf = (phase: string): RebindStep | null => ((rebindSteps as readonly string[]).includes(phase) ? (phase as RebindStep) : null);

  return {
    templates: () => deps.templates(),

    pending(actor) {
      return deps.engine.interrupted(actor).map((op) => ({
        operationId: op.id,
        serialNumber: op.serialNumber,
        startedAt: op.createdAt,
        lastStep: stepOf(op.phase),
        bank: null,
      }));
    },

    start(input, actor) {
      const merged = templateParameterSet(deps.templates(), input.templateId, input.merchant);
      if (!merged.ok && merged.unknownTemplate) throw new AppError('not-found', reason('bank-template-unknown', { templateId: input.templateId }), 'templateId');
      if (!merged.ok) {
        const first = merged.problems[0]!;
        throw new AppError('invalid-input', reason('merchant-value-refused', { problem: first.reason, field: first.field }), `merchant.${first.field}`);
      }
      return launch(async (access, signal) => {
        try {
          await deps.engine.run({ terminal: access, params: merged.params, workOrder: input.workOrder, caseId: input.caseId, actor, onEvent: movingTheCase(deps, input.caseId ?? null, actor), signal });
        } catch (error) {
          reportStartFailure(deps, error);
        }
      });
    },

    recover(input, actor) {
      return launch(async (access, signal) => {
        try {
          const caseId = deps.engine.store.get(input.operationId)?.caseId ?? null;
          const outcome = await deps.engine.recover({ terminal: access, mode: input.mode, actor, operationId: input.operationId, onEvent: movingTheCase(deps, caseId, actor), signal });
          if (!outcome) reportStartFailure(deps, new Error('That operation is no longer open, or the connected terminal is not the one it was about.'));
        } catch (error) {
          reportStartFailure(deps, error);
        }
      });
    },

    cancel() {
      if (controller === null) return false;
      controller.abort();
      return true;
    },

    busy: () => running !== null,
    idle: async () => {
      await running;
    },

    async shutdown(graceMs) {
      const current = running;
      if (current === null) return true;
      controller?.abort();
      let ended = false;
      await Promise.race([current.then(() => (ended = true)), wait(graceMs)]);
      // Not ended in time: the process goes on closing; the journal keeps the operation open, and
      // the next start offers it for recovery.
      return ended;
    },
  };
}

// The engine's events on their way to the view; the outcome moves the desk case first, so the
// view that hears it and reads the case (desk:case-get) reads it moved.
function movingTheCase(deps: OnsiteServiceDeps, caseId: string | null, actor: string): (event: RebindEvent) => void {
  return (event) => {
    if (event.type === 'outcome') tellDesk(deps, caseId, event.outcome, actor);
    deps.emit(event);
  };
}

// The case moves once the rebind has ended; a failure there is the desk's to report, never the run's.
function tellDesk(deps: OnsiteServiceDeps, caseId: string | null, outcome: RebindOutcome, actor: string): void {
  if (caseId === null || deps.visitOutcome === undefined) return;
  try {
    deps.visitOutcome({ caseId, operationId: outcome.operationId, outcome: outcome.outcome, reason: outcome.reason, actor });
  } catch (error) {
    deps.logError?.(error);
  }
}

// A run the engine refused before it began (bad input, the port would not answer) has no
// outcome event; the view still has to hear why.
function reportStartFailure(deps: OnsiteServiceDeps, error: unknown): void {
  deps.emitFailure({ message: error instanceof Error ? error.message : String(error), reason: failureDetail(error) });
  deps.logError?.(error);
}
