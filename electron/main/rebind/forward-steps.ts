// The steps of a clean run (PROTOCOL.md §5), each journaled by RebindSession.step. A step checks
// what the terminal answered against what RebindDesk computed and throws RebindStop when they
// disagree; it never decides what happens after a failure (rebind-runner.ts does).
import { reason } from '../../../shared/errors/reason';
import type { MainReason } from '../../../shared/errors/reasons-en';
import { canonicalParameterSet, ResultCode } from '../../../shared/rtp';
import { parameterDigest } from '../terminal/parameter-digest';
import { bytesToHex } from '../../../shared/bytes';
import { checkWorkOrder, describeMismatch, mismatchesReason } from '../../../shared/rebind/work-order';
import type { WorkOrder } from '../../../shared/rebind/work-order';
import { batchNeedsSettling } from '../terminal/driver/batch';
import type { BatchSummary } from '../terminal/driver/batch';
import { toTerminalIdentity } from '../terminal/driver/terminal-identity';
import { planStageChunks } from '../terminal/driver/stage-plan';
import { TerminalProtocolError, TerminalRefused } from '../terminal/link/link-errors';
import { RebindStop } from './rebind-failure';
import type { RebindSession } from './rebind-session';
import { OpenOperationConflict } from './rebind-store';

/** A refusal at identify: nothing was changed, the operation closes as `refused`. */
export class IdentifyRefusal extends RebindStop {
  constructor(
    reason: 'work-order-mismatch' | 'locked' | 'open-operation' | 'unconfirmed-set',
    why: MainReason,
    readonly openOperationId?: number,
  ) {
    super(reason, why, false);
    this.name = 'IdentifyRefusal';
  }
}

/** What identify found: go on, or the new set is already active and confirmed (nothing to do). */
export type IdentifyResult = 'go' | 'already-active';

/**
 * HELLO, then in this order: the work order, an interrupted operation of the terminal in this
 * journal, an unconfirmed set kept by the terminal (F009 = 1) that this journal knows nothing
 * of, the lock. Records the serial number and the old digest. A terminal already running the new
 * set, confirmed, is `already-active`: the run ends rebound without sending anything.
 */
export function identifyStep(s: RebindSession, workOrder: WorkOrder): Promise<IdentifyResult> {
  return s.step('identify', async () => {
    const identity = await s.driver.hello();
    s.identity = identity;
    const mismatches = checkWorkOrder(workOrder, identity);
    const detail = {
      serialNumber: identity.serialNumber,
      model: identity.model,
      tid: identity.tid,
      acquirerId: identity.acquirerId,
      activeDigest: identity.activeDigestHex,
      previousSlot: identity.previousSlot,
      locked: identity.locked,
      mismatches: mismatches.map(describeMismatch),
      overridden: mismatches.length > 0 && workOrder.override !== undefined,
    };
    if (mismatches.length > 0 && workOrder.override === undefined) {
      throw new IdentifyRefusal('work-order-mismatch', reason('refused-work-order', { mismatches: mismatchesReason(mismatches) }));
    }
    // An interrupted rebind of this terminal comes first: whatever else is true, it must be finished.
    const open = s.ctx.store.openForSerial(identity.serialNumber);
    if (open !== undefined && open.id !== s.op.id) throw openOperationRefusal(identity.serialNumber, open.id);
    // F009 = 1: the other slot holds a set nobody confirmed, most likely the original bank's set
    // kept by a rebind another laptop or data directory started. Committing now would overwrite
    // that slot and CONFIRM would drop it for good; only the journal that started it may go on.
    if (identity.previousSlot) {
      throw new IdentifyRefusal(
        'unconfirmed-set',
        reason('refused-unconfirmed-set', { serial: identity.serialNumber, active: identity.activeDigestHex.slice(0, 12) }),
      );
    }
    if (identity.locked) {
      throw new IdentifyRefusal(
        'locked',
        reason('refused-locked', { acquirerId: identity.acquirerId }),
      );
    }
    try {
      s.ctx.store.identify(
        s.op.id,
        {
          serialNumber: identity.serialNumber,
          identity: toTerminalIdentity(identity),
          digestBefore: identity.activeDigestHex,
          overrideReason: mismatches.length > 0 ? (workOrder.override?.reason ?? null) : null,
          mismatches: mismatches.map(describeMismatch),
        },
        s.ctx.actor,
      );
    } catch (error) {
      // The index catches what the lookup above missed (another process started one meanwhile).
      if (!(error instanceof OpenOperationConflict)) throw error;
      throw openOperationRefusal(identity.serialNumber, error.openOperationId);
    }
    s.refresh();
    const result: IdentifyResult = identity.activeDigestHex === s.op.targetDigest ? 'already-active' : 'go';
    return { value: result, detail: { ...detail, alreadyActive: result === 'already-active' } };
  });
}

function openOperationRefusal(serialNumber: string, openOperationId: number | undefined): IdentifyRefusal {
  return new IdentifyRefusal(
    'open-operation',
    reason('refused-open-operation', { serial: serialNumber, operationId: openOperationId ?? '?' }),
    openOperationId,
  );
}

/** GET_PARAMS (all pages), GET_BATCH and EXPORT_JOURNAL, stored as the backup before anything changes. Returns whether the batch must be settled. */
export function backupStep(s: RebindSession): Promise<boolean> {
  return s.step('backup', async () => {
    const read = await s.driver.getParams();
    if (read.digestHex !== s.op.digestBefore) {
      throw new RebindStop('verification-failed', reason('stop-backup-digest-differs', { read: read.digestHex, reported: s.op.digestBefore ?? reason('digest-not-recorded') }), true);
    }
    s.checkCancelled();
    const batch = await s.driver.getBatch();
    // Always exported: records that no longer count (voided, reversed) still block COMMIT.
    const journal = await s.driver.exportJournal();
    const identity = s.identity;
    if (identity === undefined) throw new Error('backup ran before identify.');
    const backupId = s.ctx.store.storeBackup(
      s.op.id,
      { serialNumber: identity.serialNumber, identity: toTerminalIdentity(identity), params: read.params, digest: read.digestHex, batch: batch, journal },
      s.ctx.actor,
    );
    s.backupId = backupId;
    const needsSettling = batchNeedsSettling(batch) || journal.length > 0;
    return {
      value: needsSettling,
      detail: { backupId, digest: read.digestHex, pages: read.pages, batchCount: batch.count, batchTotalFen: batch.totalFen, journalRecords: journal.length, needsSettling },
    };
  });
}

/**
 * GET_BATCH; when the batch is open (or `force`): EXPORT_JOURNAL into the journal unless the same
 * batch was exported already, SETTLE with the old acquirer, and GET_BATCH again to prove it is empty.
 */
export function settleStep(s: RebindSession, force: boolean): Promise<void> {
  return s.step('settle', async () => {
    const batch = await s.driver.getBatch();
    if (!force && !batchNeedsSettling(batch)) {
      return { value: undefined, status: 'skipped', detail: { batchCount: batch.count, why: 'the batch is empty' } };
    }
    let exportId: number | null = null;
    if (!sameBatch(batch, lastExported(s))) {
      const journal = await s.driver.exportJournal();
      exportId = s.ctx.store.addBatchExport(s.op.id, batch, journal, s.ctx.actor);
    }
    s.checkCancelled();
    const settled = await s.driver.settle({ onProgress: (percent) => s.progress('settle', { kind: 'percent', percent }) });
    const after = await s.driver.getBatch();
    if (batchNeedsSettling(after)) {
      throw new RebindStop(
        'settle-failed',
        reason('stop-batch-still-open', { count: after.count, reversal: reason(after.reversalPending ? 'word-yes' : 'word-no'), offline: after.offlinePending }),
        false,
      );
    }
    return {
      value: undefined,
      detail: { settledCount: settled.count, settledTotalFen: settled.totalFen, balanced: settled.balanced, batchNumberAfter: after.batchNumber, exportId },
    };
  });
}

/** BEGIN_STAGE and PUT_STAGE in chunks that fill maxBody; progress in bytes the terminal holds. */
export function stageStep(s: RebindSession): Promise<void> {
  return s.step('stage', async () => {
    const canonical = canonicalParameterSet(s.op.targetParams);
    const digest = parameterDigest(canonical);
    if (bytesToHex(digest) !== s.op.targetDigest) throw new Error('The stored target set does not match its digest; the journal is damaged.');
    await s.driver.beginStage(canonical.length, digest);
    const plan = planStageChunks(canonical.length, s.driver.link.maxBody);
    for (const chunk of plan) {
      s.checkCancelled();
      const held = await s.driver.putStage(chunk.offset, canonical.subarray(chunk.offset, chunk.offset + chunk.length));
      if (held !== chunk.offset + chunk.length) {
        throw new TerminalProtocolError('PUT_STAGE', `F061 says ${held} bytes are staged after a chunk ending at ${chunk.offset + chunk.length}`, 'F061');
      }
      s.progress('stage', { kind: 'bytes', done: held, total: canonical.length });
    }
    return { value: undefined, detail: { bytes: canonical.length, chunks: plan.length, digest: s.op.targetDigest } };
  });
}

/** VERIFY_STAGE: the terminal's digest of the staged bytes must be the new set's. */
export function verifyStageStep(s: RebindSession): Promise<void> {
  return s.step('verify-stage', async () => {
    const verified = await s.driver.verifyStage();
    if (verified.digestHex !== s.op.targetDigest) {
      throw new RebindStop('verification-failed', reason('stop-verify-digest-differs', { verified: verified.digestHex, target: s.op.targetDigest }), true);
    }
    return { value: undefined, detail: { digest: verified.digestHex } };
  });
}

/**
 * The settle gate, then COMMIT: GET_BATCH first, and no COMMIT while the batch is open. Returns
 * false (step `skipped`) when the batch reopened, so the runner settles again; COMMIT answered 05
 * counts the same.
 */
export function commitStep(s: RebindSession): Promise<boolean> {
  return s.step('commit', async () => {
    const batch = await s.driver.getBatch();
    if (batchNeedsSettling(batch)) {
      return { value: false, status: 'skipped', detail: { batchCount: batch.count, why: 'the batch reopened after SETTLE: settle again before COMMIT' } };
    }
    // The last safe point before the flip.
    s.checkCancelled();
    let slot;
    try {
      slot = await s.driver.commit();
    } catch (error) {
      if (error instanceof TerminalRefused && error.rc === ResultCode.BATCH_NOT_EMPTY) {
        return { value: false, status: 'skipped', detail: { why: 'COMMIT answered 05 (batch not empty): settle again' } };
      }
      throw error;
    }
    if (slot.activeDigestHex !== s.op.targetDigest) {
      throw new RebindStop('verification-failed', reason('stop-commit-wrong-set', { active: slot.activeDigestHex, target: s.op.targetDigest }), false);
    }
    return { value: true, detail: { activeSlot: slot.activeSlot, digest: slot.activeDigestHex } };
  });
}

/** GET_PARAMS after COMMIT: the host's digest of what the terminal holds must be the new set's. */
export function readBackStep(s: RebindSession): Promise<void> {
  return s.step('read-back', async () => {
    const read = await s.driver.getParams();
    if (read.digestHex !== s.op.targetDigest) {
      throw new RebindStop('verification-failed', reason('stop-read-back-not-new', { read: read.digestHex, target: s.op.targetDigest }), false);
    }
    return { value: undefined, detail: { digest: read.digestHex, pages: read.pages, tid: read.params['A001'] ?? null } };
  });
}

/** SIGN_ON (or ECHO_TEST) with the new acquirer's host: field 39 must be 00. */
export function hostTestStep(s: RebindSession, which: 'sign-on' | 'echo-test'): Promise<void> {
  return s.step(which, async () => {
    const result = which === 'sign-on' ? await s.driver.signOn() : await s.driver.echoTest();
    if (result.responseCode !== '00') {
      throw new RebindStop('host-test-failed', reason('stop-host-test-declined', { command: which === 'sign-on' ? 'SIGN_ON' : 'ECHO_TEST', code: result.responseCode }), false);
    }
    return { value: undefined, detail: { responseCode: result.responseCode, roundTripMs: result.roundTripMs, exchangeMs: result.exchangeMs } };
  });
}

/** PRINT_TEST: the receipt, shown live and kept in the journal. */
export function printTestStep(s: RebindSession): Promise<void> {
  return s.step('print-test', async () => {
    const lines = await s.driver.printTest();
    s.receipt = lines;
    s.ctx.log.emit({ type: 'receipt', operationId: s.op.id, lines });
    return { value: undefined, detail: { lines } };
  });
}

/** CONFIRM, then HELLO: the new set active and no previous set kept. */
export function confirmStep(s: RebindSession): Promise<void> {
  return s.step('confirm', async () => {
    await s.driver.confirm();
    const identity = await s.driver.hello();
    s.identity = identity;
    if (identity.activeDigestHex !== s.op.targetDigest || identity.previousSlot) {
      throw new RebindStop(
        'verification-failed',
        reason('stop-confirm-not-settled', { active: identity.activeDigestHex, previous: reason(identity.previousSlot ? 'previous-still-kept' : 'previous-not-kept') }),
        false,
      );
    }
    return { value: undefined, detail: { activeSlot: identity.activeSlot, digest: identity.activeDigestHex, previousSlot: identity.previousSlot } };
  });
}

/** The batch this operation last exported: the backup's, or a later export. */
function lastExported(s: RebindSession): { count: number; totalFen: number; reversalPending: boolean; offlinePending: number; batchNumber: string } | undefined {
  const exports = s.ctx.store.batchExports(s.op.id);
  return exports.length > 0 ? exports[exports.length - 1]!.batch : s.ctx.store.backup(s.op.id)?.batch;
}

function sameBatch(a: BatchSummary, b: ReturnType<typeof lastExported>): boolean {
  return b !== undefined && a.count === b.count && a.totalFen === b.totalFen && a.batchNumber === b.batchNumber && a.reversalPending === b.reversalPending && a.offlinePending === b.offlinePending;
}
