import { describe, expect, it } from 'vitest';
import { decideRecovery } from './recovery-decision';
import type { RecoveryInput, RecoveryMode } from './recovery-decision';

const OLD = 'a'.repeat(64);
const NEW = 'b'.repeat(64);
const OTHER = 'c'.repeat(64);

function input(mode: RecoveryMode, over: Partial<RecoveryInput> = {}): RecoveryInput {
  return { mode, serialNumber: 'SN1', digestBefore: OLD, targetDigest: NEW, backupStored: true, confirmSent: false, retryAllowed: true, ...over };
}

const hello = (activeDigest: string, previousSlot: boolean, serialNumber = 'SN1') => ({ serialNumber, activeDigest, previousSlot });

describe('the recovery decision table (docs/rebind-engine.md §4)', () => {
  it.each([
    // mode, active, previous, journal, → action
    ['resume', NEW, true, {}, 'verify-new'],
    ['restore', NEW, true, {}, 'rollback'],
    ['in-run', NEW, true, {}, 'rollback'],
    ['in-run', NEW, true, { retryAllowed: false }, 'rollback'],
    ['resume', NEW, false, { confirmSent: true }, 'finish-rebound'],
    ['restore', NEW, false, { confirmSent: true }, 'finish-rebound'],
    ['in-run', NEW, false, { confirmSent: true }, 'finish-rebound'],
    ['resume', NEW, false, {}, 'stop'],
    ['resume', OLD, false, {}, 'resume-forward'],
    ['resume', OLD, true, {}, 'resume-forward'],
    ['resume', OLD, false, { backupStored: false }, 'start-over'],
    ['in-run', OLD, false, {}, 'resume-forward'],
    ['in-run', OLD, false, { retryAllowed: false }, 'finish-restore'],
    ['restore', OLD, false, {}, 'finish-restore'],
    ['restore', OLD, false, { backupStored: false }, 'finish-restore'],
    ['resume', OTHER, false, {}, 'stop'],
    ['restore', OTHER, true, {}, 'stop'],
  ] as const)('%s, active %s…, previous %s, %o → %s', (mode, active, previous, journal, action) => {
    expect(decideRecovery(input(mode, journal), hello(active, previous)).action).toBe(action);
  });

  it('names the reason of a stop', () => {
    expect(decideRecovery(input('resume'), hello(OTHER, false)).stopReason).toBe('unknown-set');
    expect(decideRecovery(input('resume'), hello(NEW, false)).stopReason).toBe('confirmed-elsewhere');
    expect(decideRecovery(input('resume'), hello(NEW, true, 'SN2'))).toMatchObject({ action: 'stop', stopReason: 'wrong-terminal' });
  });

  it('compares digests whatever their case', () => {
    expect(decideRecovery(input('restore'), hello(NEW.toUpperCase(), true)).action).toBe('rollback');
  });
});
