// The rebinding engine (docs/rebind-engine.md): runs a journaled rebind, and finds, resumes or
// undoes interrupted ones. Independent of Electron: it takes a database connection provider, a
// way to reach the terminal, a clock and the operator's name.
import { systemClock } from '../platform/clock';
import { bytesToHex } from '../../../shared/bytes';
import { checkParameterFile, problemsReason } from '../../../shared/rebind/parameter-file';
import type { RebindOutcome } from '../../../shared/rebind/rebind-outcome';
import { reason } from '../../../shared/errors/reason';
import { canonicalParameterSet } from '../../../shared/rtp';
import { parameterDigest } from '../terminal/parameter-digest';
import { AppError } from '../app-error';
import { toTerminalIdentity } from '../terminal/driver/terminal-identity';
import { defaultRebindPolicy } from './engine-types';
import { defaultLeasePolicy, describeOwner, OperationNotOwned, OperationOwnedElsewhere } from './operation-owner';
import type { LeasePolicy } from './operation-owner';
import type { RebindClock, RebindEngineDeps, RebindPolicy, RecoverRequest, RunRequest } from './engine-types';
import { IdentifyRefusal, identifyStep } from './forward-steps';
import type { IdentifyResult } from './forward-steps';
import { databaseFailed, isStorageFailure } from './database-failure';
import { classifyFailure, isDatabaseError, RebindCancelled } from './rebind-failure';
import { buildOutcome, closeAndAnnounce, endWithOutcome, forward, recoverUntilSettled } from './rebind-runner';
import { RebindSession } from './rebind-session';
import type { SessionContext } from './rebind-session';
import { RebindStore } from './rebind-store';
import { createParamsSealer } from './sealed-params';
import type { OperationRow } from './rebind-store';
import { reconnectStep } from './recovery-steps';
import { SessionLog } from './session-log';
import { connectWithRetry, openLine, PortOpenFailed } from './terminal-link';

export interface RebindEngine {
  /** Rebinds the terminal behind `request.terminal`; resolves with rebound, restored, needs-attention or refused. Throws only when the port cannot be opened or answered at all before anything starts, on bad input, or when the database fails before the operation is journaled (a failure later ends `needs-attention` / `database-failed`). */
  run(request: RunRequest): Promise<RebindOutcome>;
  /** Finishes (`resume`) or undoes (`restore`) the open operation of the terminal that answers; null when it has none. */
  recover(request: RecoverRequest): Promise<RebindOutcome | null>;
  /** Open operations whose owner is gone (never one another live process runs): interrupted ones, to offer at start-up. Those that never got past identify are taken over and closed here (nothing was changed). */
  interrupted(actor: string): OperationRow[];
  /** The interrupted operation of a terminal (by serial number), to offer when it is connected. */
  interruptedFor(serialNumber: string): OperationRow | undefined;
  /** Closes an open operation by hand, with a reason (audited); its backup is kept. Refused while another live process runs it. */
  abandon(operationId: number, reason: string, actor: string): void;
  /** The journal, for views and tests. */
  readonly store: RebindStore;
}

export function createRebindEngine(deps: RebindEngineDeps): RebindEngine {
  const clock: RebindClock = {
    now: deps.clock?.now ?? systemClock.now,
    monoMs: deps.clock?.monoMs ?? systemClock.monoMs,
    sleep: deps.clock?.sleep ?? systemClock.sleep,
  };
  const policy: RebindPolicy = { ...defaultRebindPolicy, ...deps.policy };
  const lease: LeasePolicy = { ...defaultLeasePolicy, ...deps.lease };
  const store = new RebindStore(deps.connection, clock.now, createParamsSealer(deps.encryption), deps.owner, lease);
  const every = deps.every ?? repeatUnref;
  /** Operations running in this process, so they are never offered as interrupted. */
  const running = new Set<number>();
  /** Open operations another process may not take: running here, or owned by a live process elsewhere. */
  const takeable = (op: OperationRow) => !running.has(op.id) && store.ownerOf(op) !== 'live';

  const context = (request: RunRequest | RecoverRequest, log: SessionLog): SessionContext => ({ store, clock, policy, log, access: request.terminal, actor: request.actor, signal: request.signal });

  const guarded = async (s: RebindSession, work: () => Promise<RebindOutcome>): Promise<RebindOutcome> => {
    const id = s.op.id;
    running.add(id);
    // The lease is renewed while the session runs, long SETTLE waits included; a renewal that
    // fails (the database is busy, say) is retried at the next tick, and every journal write renews it too.
    const stopRenewing = every(lease.renewEveryMs, () => {
      try {
        store.renewLease(id);
      } catch {
        // The next journal write renews the lease or says why it cannot.
      }
    });
    try {
      return await work();
    } catch (error) {
      // Another process closed or took over the operation: stop at once, write nothing more.
      if (error instanceof OperationNotOwned) return ownershipLost(s, error);
      // The journal cannot be written: stop driving the terminal, ask it, and say what to do.
      if (isStorageFailure(error)) return await databaseFailed(s, error, store.databasePath());
      throw error;
    } finally {
      stopRenewing();
      running.delete(id);
      try {
        // An operation left open is free for recovery by any process at once.
        store.releaseLease(id);
      } catch {
        // The lease then runs out by itself.
      }
      // Already closed after an outcome; this covers a database failure that ended the session early.
      await s.disconnect();
    }
  };

  return {
    store,

    async run(request) {
      const checked = checkParameterFile(request.params);
      if (!checked.ok) throw new AppError('invalid-input', reason('parameter-set-invalid', { problems: problemsReason(checked.problems) }), checked.problems[0]?.tag);
      const targetDigest = bytesToHex(parameterDigest(canonicalParameterSet(checked.params)));
      const log = new SessionLog(request.onEvent, request.linkLog);
      // The port is opened and ENQ answered before the journal starts: a wrong path or a dead
      // terminal is reported at once and leaves no operation behind.
      const line = await openLine(request.terminal, log.sink);
      let op: OperationRow;
      try {
        op = store.createOperation({ portPath: request.terminal.path, workOrder: request.workOrder, caseId: request.caseId, targetParams: checked.params, targetDigest }, request.actor);
      } catch (error) {
        await line.close();
        throw error;
      }
      const s = new RebindSession(context(request, log), op, 1);
      await s.adopt(line);
      log.emit({ type: 'operation', operationId: op.id, session: 1, status: 'started' });
      return guarded(s, async () => {
        try {
          const stopped = await identifyWithRetries(s, request);
          if (stopped !== undefined) return stopped;
          await forward(s, 'backup');
          return await endWithOutcome(s, 'rebound', 'confirmed', null, op.targetDigest);
        } catch (error) {
          if (isDatabaseError(error)) throw error;
          // A cancel undoes the rebind: drop the stage, or roll back once COMMIT took effect.
          return recoverUntilSettled(s, classifyFailure(error), error instanceof RebindCancelled ? 'restore' : 'in-run');
        }
      });
    },

    async recover(request) {
      const log = new SessionLog(request.onEvent, request.linkLog);
      // The terminal may still be busy with the command the interrupted run sent, or restarting.
      const first = await connectWithRetry(request.terminal, log.sink, clock, policy.reconnectWithinMs, policy.retryIntervalMs, true).catch((error: unknown) => {
        throw error instanceof PortOpenFailed && error.cause instanceof Error ? error.cause : error;
      });
      let op: OperationRow | undefined;
      try {
        op = request.operationId !== undefined ? store.get(request.operationId) : store.openForSerial(first.identity.serialNumber);
        if (op === undefined || op.status !== 'open') {
          await first.connection.close();
          if (request.operationId !== undefined) throw new AppError('not-found', reason('operation-not-open', { operationId: request.operationId }));
          return null;
        }
        if (running.has(op.id)) throw new AppError('conflict', reason('operation-running', { operationId: op.id }));
        const taken = store.takeOver(op.id, request.actor, `recover-${request.mode}`);
        if (taken === undefined) {
          await first.connection.close();
          if (request.operationId !== undefined) throw new AppError('not-found', reason('operation-not-open', { operationId: request.operationId }));
          return null;
        }
        op = taken.operation;
      } catch (error) {
        await first.connection.close();
        if (error instanceof OperationOwnedElsewhere) throw new AppError('conflict', reason('operation-owned-elsewhere', { operationId: error.operationId, owner: describeOwner(error.owner) }));
        throw error;
      }
      const found = op;
      const session = store.startSession(found.id, request.actor, request.mode);
      const s = new RebindSession(context(request, log), store.get(found.id) ?? found, session);
      await s.adopt(first.connection, first.identity);
      log.emit({ type: 'operation', operationId: found.id, session, status: 'resumed' });
      return guarded(s, async () => {
        if (found.serialNumber === null) return endWithOutcome(s, 'needs-attention', 'interrupted-before-identify', null, null);
        return recoverUntilSettled(s, null, request.mode);
      });
    },

    interrupted(actor) {
      const open = store.openOperations().filter(takeable);
      for (const op of open.filter((o) => o.serialNumber === null)) closeUnidentified(store, op, actor);
      return open.filter((op) => op.serialNumber !== null);
    },

    interruptedFor(serialNumber) {
      const op = store.openForSerial(serialNumber);
      return op !== undefined && takeable(op) ? op : undefined;
    },

    abandon(operationId, why, actor) {
      if (running.has(operationId)) throw new AppError('conflict', reason('operation-running', { operationId }));
      if (why.trim().length < 10) throw new AppError('invalid-input', reason('abandon-reason-too-short', { min: 10 }), 'reason');
      try {
        store.abandon(operationId, why.trim(), actor);
      } catch (error) {
        if (error instanceof OperationOwnedElsewhere) throw new AppError('conflict', reason('operation-owned-elsewhere', { operationId: error.operationId, owner: describeOwner(error.owner) }));
        throw error;
      }
    },
  };
}

/**
 * identify, retried over a fresh connection while the failure is a line problem. A refusal closes
 * the operation as `refused` (nothing was changed); a terminal already on the new set, confirmed,
 * ends `rebound` with nothing changed; a terminal that stops answering before it was identified
 * ends needs-attention.
 */
async function identifyWithRetries(s: RebindSession, request: RunRequest): Promise<RebindOutcome | undefined> {
  for (;;) {
    let found: IdentifyResult;
    try {
      found = await identifyStep(s, request.workOrder);
    } catch (error) {
      if (isDatabaseError(error)) throw error;
      if (error instanceof IdentifyRefusal || error instanceof RebindCancelled) return refuse(s, error);
      const info = classifyFailure(error);
      if (!info.retryable || s.attempt >= s.ctx.policy.maxAttempts) {
        return endWithOutcome(s, 'needs-attention', info.reason === 'protocol-error' ? 'protocol-error' : 'terminal-unreachable', info.detail, null);
      }
      s.attempt++;
      try {
        await reconnectStep(s);
      } catch (reconnectError) {
        if (isDatabaseError(reconnectError)) throw reconnectError;
        return endWithOutcome(s, 'needs-attention', 'terminal-unreachable', classifyFailure(reconnectError).detail, null);
      }
      continue;
    }
    // Already on the new set, confirmed: a depot script may re-run safely; nothing is sent.
    return found === 'go' ? undefined : endWithOutcome(s, 'rebound', 'already-active', null, s.identity?.activeDigestHex ?? null);
  }
}

/** Closes the operation after a refusal at identify (nothing was sent that changes the terminal), recording who the terminal was. */
async function refuse(s: RebindSession, refusal: IdentifyRefusal | RebindCancelled): Promise<RebindOutcome> {
  const identity = s.identity;
  const outcome = buildOutcome(s, 'refused', refusal.reason, refusal.why, identity?.activeDigestHex ?? null, false);
  const refused = identity === undefined ? undefined : { serialNumber: identity.serialNumber, identity: toTerminalIdentity(identity) };
  s.ctx.store.recordOutcome(s.op.id, outcome, true, s.ctx.actor, refused);
  return closeAndAnnounce(s, outcome);
}

/**
 * The outcome of a session whose operation another process closed or took over: nothing more is
 * written (the journal is no longer this process's to write), the line is closed and the outcome
 * says what happened.
 */
async function ownershipLost(s: RebindSession, lost: OperationNotOwned): Promise<RebindOutcome> {
  await s.disconnect();
  const now = s.ctx.store.get(s.op.id);
  const open = now?.status === 'open';
  const outcome = buildOutcome(s, 'needs-attention', 'taken-over', lost.message, null, open);
  s.ctx.log.emit({ type: 'outcome', outcome });
  return outcome;
}

/** Runs `work` every `ms` on a timer that does not keep the process alive. */
function repeatUnref(ms: number, work: () => void): () => void {
  const timer = setInterval(work, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/** An operation that never got past identify changed nothing: close it (after taking it over; skipped when another live process took it first). */
function closeUnidentified(store: RebindStore, op: OperationRow, actor: string): void {
  try {
    if (store.takeOver(op.id, actor, 'close-unidentified') === undefined) return;
  } catch (error) {
    if (error instanceof OperationOwnedElsewhere) return;
    throw error;
  }
  const outcome: RebindOutcome = {
    operationId: op.id,
    outcome: 'needs-attention',
    reason: 'interrupted-before-identify',
    message: reason('outcome-interrupted-before-identify'),
    known: [reason('known-nothing-sent')],
    nextSteps: [reason('next-run-again')],
    operationOpen: false,
    serialNumber: null,
    digestBefore: null,
    targetDigest: op.targetDigest,
    finalDigest: null,
    backupId: null,
    steps: [],
    receipt: null,
  };
  store.recordOutcome(op.id, outcome, true, actor);
}
