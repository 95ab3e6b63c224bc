// One session of an operation (a run, or a recovery after a restart): the connection in use, the
// journaled step runner, the attempt count, the receipt, and the events. Steps live in
// forward-steps.ts and recovery-steps.ts; the order they run in lives in rebind-runner.ts.
import { forwardSteps } from '../../../shared/rebind/rebind-steps';
import type { RebindStep } from '../../../shared/rebind/rebind-steps';
import type { StepProgress } from '../../../shared/rebind/rebind-events';
import type { RtpDriver } from '../terminal/driver/rtp-driver';
import type { HelloIdentity } from '../terminal/driver/terminal-identity';
import type { RebindClock, RebindPolicy, TerminalAccess, TerminalConnection } from './engine-types';
import { classifyFailure, isDatabaseError, RebindCancelled } from './rebind-failure';
import type { OperationRow, RebindStore } from './rebind-store';
import type { SessionLog } from './session-log';

/** What a step returns: its value, what to journal, and `skipped` when it had nothing to do. */
export interface StepResult<T> {
  value: T;
  detail?: Record<string, unknown>;
  status?: 'ok' | 'skipped';
}

/** What every session shares with the engine. */
export interface SessionContext {
  store: RebindStore;
  clock: RebindClock;
  policy: RebindPolicy;
  log: SessionLog;
  access: TerminalAccess;
  actor: string;
  /** Aborted when the engineer cancels; the forward path stops at its next safe point. */
  signal?: AbortSignal | undefined;
}

const FORWARD: ReadonlySet<string> = new Set(forwardSteps);

/** A session of one operation. */
export class RebindSession {
  /** The forward attempt within this session (1, then one more per retry). */
  attempt = 1;
  /** PRINT_TEST's lines, once printed in this session. */
  receipt: string[] | null = null;
  /** HELLO's latest answer. */
  identity: HelloIdentity | undefined;
  /** The backup stored in this session, remembered in case the journal can no longer be read. */
  backupId: number | null = null;
  private connected: TerminalConnection | undefined;

  constructor(
    readonly ctx: SessionContext,
    private operation: OperationRow,
    readonly session: number,
  ) {}

  /** The operation as last read from the journal. */
  get op(): OperationRow {
    return this.operation;
  }

  /** Re-reads the operation (after identify wrote its serial number and digest). */
  refresh(): OperationRow {
    const row = this.ctx.store.get(this.operation.id);
    if (row === undefined) throw new Error(`Rebind operation #${this.operation.id} vanished from the journal.`);
    this.operation = row;
    return row;
  }

  /**
   * The driver of the current connection. Every command reaches the terminal through here, so this
   * is where a session that lost its operation (closed or taken over by another process) stops:
   * nothing more is sent for an operation that is no longer this process's.
   */
  get driver(): RtpDriver {
    if (this.connected === undefined) throw new Error('No terminal connection: the engine must reconnect before this step.');
    this.ctx.store.assertOwned(this.operation.id);
    return this.connected.driver;
  }

  /** Uses a fresh connection (closing any previous one), with the identity its HELLO returned if any. */
  async adopt(connection: TerminalConnection, identity?: HelloIdentity): Promise<void> {
    await this.disconnect();
    this.connected = connection;
    if (identity !== undefined) this.identity = identity;
  }

  async disconnect(): Promise<void> {
    const current = this.connected;
    this.connected = undefined;
    await current?.close().catch(() => undefined);
  }

  /** Throws RebindCancelled when a cancel was asked: called before every forward step and between the exchanges of one. Recovery steps never check it (they are the way back). */
  checkCancelled(): void {
    if (this.ctx.signal?.aborted === true) throw new RebindCancelled();
  }

  progress(step: RebindStep, progress: StepProgress): void {
    this.ctx.log.emit({ type: 'step-progress', operationId: this.operation.id, step, progress });
  }

  /**
   * Runs one journaled step: the journal row is written before it starts and updated when it ends
   * (each write its own FULL-synchronous transaction with an audit entry), with the duration.
   */
  async step<T>(name: RebindStep, work: () => Promise<StepResult<T>>): Promise<T> {
    const { store, clock, log, actor } = this.ctx;
    const opId = this.operation.id;
    // The safe point: a cancelled run never starts another forward step.
    if (FORWARD.has(name)) this.checkCancelled();
    const stepId = store.stepStarted(opId, this.session, this.attempt, name, actor);
    log.emit({ type: 'step-started', operationId: opId, step: name, attempt: this.attempt, at: clock.now().toISOString() });
    const started = clock.monoMs();
    let result: StepResult<T>;
    try {
      result = await work();
    } catch (error) {
      if (isDatabaseError(error)) throw error;
      const durationMs = clock.monoMs() - started;
      const info = classifyFailure(error);
      const detail = { kind: info.kind, retryable: info.retryable, ...commandOf(error) };
      store.stepFinished(opId, stepId, name, 'failed', durationMs, detail, info.message, actor);
      log.emit({ type: 'step-finished', operationId: opId, step: name, status: 'failed', durationMs, detail, error: info.detail });
      throw error;
    }
    const durationMs = clock.monoMs() - started;
    const status = result.status ?? 'ok';
    const detail = result.detail ?? null;
    store.stepFinished(opId, stepId, name, status, durationMs, detail, null, actor);
    log.emit({ type: 'step-finished', operationId: opId, step: name, status, durationMs, detail, error: null });
    return result.value;
  }
}

function commandOf(error: unknown): Record<string, unknown> {
  const e = error as { command?: unknown; rc?: unknown; reason?: unknown };
  return {
    ...(typeof e.command === 'string' ? { command: e.command } : {}),
    ...(typeof e.rc === 'number' ? { rc: e.rc } : {}),
    ...(typeof e.reason === 'string' ? { cause: e.reason } : {}),
  };
}
