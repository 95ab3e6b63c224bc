// When the journal itself fails in the middle of a rebind (disk full, an I/O error, the file gone),
// the engine must not drive the terminal on without a record of it. It stops, asks the terminal
// where it stands (a fresh connection, HELLO, nothing that changes it), and ends `needs-attention`
// with what the terminal holds, the backup it took and what to do next. Nothing is written: the
// journal keeps the operation open at its last recorded step, so `rebind recover` (or Resume /
// Restore on the On-site page) picks it up once the database can be written again.
import { dirname } from 'node:path';
import type { RebindOutcome } from '../../../shared/rebind/rebind-outcome';
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

  const known = [`The rebind journal in ${databasePath} could not be written: ${cause}. The engine stopped at once and sent nothing more to the terminal.`];
  if (identity !== undefined) {
    const which = identity.activeDigestHex === op.targetDigest ? "the new bank's set" : identity.activeDigestHex === op.digestBefore ? 'the old set' : 'a set that is neither the old nor the new one';
    known.push(
      `Asked just now, terminal ${identity.serialNumber} reports ${short(identity.activeDigestHex)} active (${which}), ${identity.previousSlot ? 'with a previous set kept, not confirmed (F009 = 1)' : 'with no previous set kept'}.`,
    );
  } else {
    known.push(`The terminal could not be asked where it stands: ${unreachable ?? 'no answer'}.`);
  }
  if (backupId !== null) known.push(`The old set and the batch export are kept in backup #${backupId}.`);
  known.push(`Operation #${op.id} stays open in the journal${lastStep === undefined ? '' : `, last recorded at "${lastStep.step}" (${lastStep.status})`}.`);

  const recover = `rebind recover --port ${ctx.access.path} --data-dir ${dirname(databasePath)}`;
  const nextSteps = [
    `Free space on the disk that holds ${databasePath} (or fix the disk), and do not move or copy the data directory meanwhile.`,
    `Then run recovery from this data directory: ${recover} (or Resume / Restore on the On-site page); it asks the terminal and finishes or undoes the rebind.`,
  ];
  if (identity?.previousSlot === true) nextSteps.push('Until then, do not rebind this terminal from another laptop or data directory: the kept set may be the only copy of the old bank’s set.');

  const outcome: RebindOutcome = {
    operationId: op.id,
    outcome: 'needs-attention',
    reason: 'database-failed',
    message: `${terminal === null ? 'The rebind' : `The rebind of terminal ${terminal}`} stopped: its journal could not be written (${cause}).`,
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
