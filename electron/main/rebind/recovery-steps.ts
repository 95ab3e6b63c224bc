// The steps that find out where a terminal stands and bring it back to a verified set: reconnect
// (fresh port, ENQ, HELLO), ABORT_STAGE, ROLLBACK and the read-backs that prove the result.
import { reason } from '../../../shared/errors/reason';
import type { HelloIdentity } from '../terminal/driver/terminal-identity';
import { RebindStop } from './rebind-failure';
import type { RebindSession } from './rebind-session';
import { connectWithRetry } from './terminal-link';

/** Drops the old connection and reaches the terminal again (bounded by the policy); returns HELLO. */
export function reconnectStep(s: RebindSession): Promise<HelloIdentity> {
  return s.step('reconnect', async () => {
    await s.disconnect();
    const { access, log, clock, policy } = s.ctx;
    const connected = await connectWithRetry(access, log.sink, clock, policy.reconnectWithinMs, policy.retryIntervalMs);
    await s.adopt(connected.connection, connected.identity);
    const id = connected.identity;
    return {
      value: id,
      detail: { serialNumber: id.serialNumber, activeSlot: id.activeSlot, activeDigest: id.activeDigestHex, previousSlot: id.previousSlot, locked: id.locked },
    };
  });
}

/** ABORT_STAGE: drops a stage the terminal may still hold (allowed even when locked). */
export function abortStageStep(s: RebindSession): Promise<void> {
  return s.step('abort-stage', async () => {
    await s.driver.abortStage();
    return { value: undefined };
  });
}

/** ROLLBACK: the terminal flips back to the old set and drops the new one. */
export function rollbackStep(s: RebindSession): Promise<void> {
  return s.step('rollback', async () => {
    const slot = await s.driver.rollback();
    return { value: undefined, detail: { activeSlot: slot.activeSlot, digest: slot.activeDigestHex, isOld: slot.activeDigestHex === s.op.digestBefore } };
  });
}

/** GET_PARAMS: proves the old set is active again. Returns its digest. */
export function verifyRestoredStep(s: RebindSession): Promise<string> {
  return s.step('verify-restored', async () => {
    const read = await s.driver.getParams();
    if (read.digestHex !== s.op.digestBefore) {
      throw new RebindStop('verification-failed', reason('stop-read-back-not-old', { read: read.digestHex, before: s.op.digestBefore ?? reason('digest-not-recorded') }), false);
    }
    return { value: read.digestHex, detail: { digest: read.digestHex, pages: read.pages } };
  });
}

/** GET_PARAMS: proves the new set is active (after a CONFIRM found done on reconnect). */
export function verifyReboundStep(s: RebindSession): Promise<void> {
  return s.step('verify-rebound', async () => {
    const read = await s.driver.getParams();
    if (read.digestHex !== s.op.targetDigest) {
      throw new RebindStop('verification-failed', reason('stop-read-back-not-new', { read: read.digestHex, target: s.op.targetDigest }), false);
    }
    return { value: undefined, detail: { digest: read.digestHex, pages: read.pages } };
  });
}
