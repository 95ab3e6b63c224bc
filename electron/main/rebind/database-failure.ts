// When the journal itself fails in the middle of a rebind (disk full, an I/O error, the file gone),
// the engine must not drive the terminal on without a record of it. It stops, asks the terminal
// where it stands (a fresh connection, HELLO, nothing that changes it), and ends `needs-attention`
// with what the terminal holds, the backup it took and what to do next. Nothing is written: the
// journal keeps the operation open at its last recorded step, so `rebind recover` (or Resume /
// Restore on the On-site page) picks it up once the database can be written again.
import { dirname } from 'node:path';
import type { RebindOutcome } from '../../../shared/rebind/rebind-outcome';
import { reason, type Reason } from '../../../shared/errors/reason';
import type { HelloIdentity } from '../terminal/driver/terminal-identity';
import type { RebindSession } from './rebind-session';
import { connectWithRetry } from './terminal-link';

/** True for a failure of the database itself (SQLite's errors, a connection that was closed under the engine). */
export function isStorageFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'SqliteError' || (error as { code?: unknown }).code?.toString().startsWith('SQLITE_') === true) return true;
  // better-sqlite3 throws a TypeError once the connection was closed (a restore, a shutdown).
  return error instanceof TypeError && /database connection is not open/i.test(error.message);
}

/** Reads from the journal if it still can be read; the fallback otherwise. */
function tryRead<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

const short = (digest: string) => `${digest.slice(0, 12)}…`;

/** Stops after a database failure: asks the terminal, builds and announces the outcome; writes nothing. */
export async function databaseFailed(s: RebindSession, error: unknown, databasePath: string): Promise<RebindOutcome> {
  const { ctx } = s;
  await s.disconnect();
  let identity: HelloIdentity | undefined;
  let unreachable: string | null = null;
  try {
    const connected = await connectWithRetry(ctx.access, ctx.log.sink, ctx.clock, ctx.policy.reconnectWithinMs, ctx.policy.retryIntervalMs);
    identity = connected.identity;
    await connected.connection.close();
  } catch (askError) {
    unreachable = askError instanceof Error ? askError.message : String(askError);
  }
  const op = tryRead(() => ctx.store.get(s.op.id) ?? s.op, s.op);
  const backupId = tryRead(() => ctx.store.backup(op.id)?.id ?? s.backupId, s.backupId);
  const steps = tryRead(() => ctx.store.steps(op.id), []);
  const code = (error as { code?: unknown }).code;
  const cause = `${error instanceof Error ? error.message : String(error)}${typeof code === 'string' ? ` (${code})` : ''}`;
  const terminal = identity?.serialNumber ?? op.serialNumber ?? null;
  const lastStep = steps.at(-1);

  const known: Reason[] = [reason('known-journal-not-written', { databasePath, cause })];
  if (identity !== undefined) {
    const which = identity.activeDigestHex === op.targetDigest ? 'set-new' : identity.activeDigestHex === op.digestBefore ? 'set-old' : 'set-neither';
    known.push(
      reason('known-asked-terminal-reports', {
        serial: identity.serialNumber,
        digest: short(identity.activeDigestHex),
        which: reason(which),
        previous: reason(identity.previousSlot ? 'previous-kept' : 'previous-none'),
      }),
    );
  } else {
    known.push(reason('known-terminal-not-asked', { why: unreachable ?? reason('no-answer') }));
  }
  if (backupId !== null) known.push(reason('known-backup-kept-plain', { backupId }));
  known.push(lastStep === undefined ? reason('known-operation-open-in-journal', { operationId: op.id }) : reason('known-operation-open-at-step', { operationId: op.id, step: lastStep.step, status: lastStep.status }));

  const recover = `rebind recover --port ${ctx.access.path} --data-dir ${dirname(databasePath)}`;
  const nextSteps: Reason[] = [reason('next-free-disk', { databasePath }), reason('next-recover-from-data-dir', { command: recover })];
  if (identity?.previousSlot === true) nextSteps.push(reason('next-no-rebind-elsewhere'));

  const outcome: RebindOutcome = {
    operationId: op.id,
    outcome: 'needs-attention',
    reason: 'database-failed',
    message: reason('outcome-database-failed', { rebind: terminal === null ? reason('the-rebind') : reason('the-rebind-of-terminal', { serial: terminal }), cause }),
    known,
    nextSteps,
    operationOpen: op.status === 'open',
    serialNumber: terminal,
    digestBefore: op.digestBefore,
    targetDigest: op.targetDigest,
    finalDigest: identity?.activeDigestHex ?? null,
    backupId,
    steps,
    receipt: s.receipt,
  };
  ctx.log.emit({ type: 'outcome', outcome });
  return outcome;
}
