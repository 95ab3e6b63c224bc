// Who owns an open rebind operation (migration 0004): the process that runs it, named by a random
// instance id, its pid and its host, with a lease it renews while it works. Another process (the
// app's On-site page, `rebind recover`, a second `rebind run`) may take an operation over only when
// its owner is gone: the lease ran out, or the owner ran on this host and its pid no longer exists.
import { describeProcess, pidAlive, type OperationOwner } from '../platform/process-identity';

// The process identity lives in platform/ (the data directory's holder files use it too).
export { currentProcessOwner, newOwner, pidAlive, type OperationOwner } from '../platform/process-identity';

/** The owner columns of an operation as stored (all null for operations from before 0004). */
export interface StoredOwner {
  instanceId: string | null;
  pid: number | null;
  host: string | null;
  /** ISO time after which the lease no longer protects the operation. */
  leaseExpiresAt: string | null;
}

/** How long a lease lasts and how often its owner renews it. */
export interface LeasePolicy {
  /** A lease this old without renewal means the owner is gone (suspended, hung or on another host). */
  leaseMs: number;
  /** Renewal interval; a third of the lease, so two missed renewals still leave it valid. */
  renewEveryMs: number;
}

/** 30 s leases renewed every 10 s: a takeover waits at most 30 s for a crashed owner on another host. */
export const defaultLeasePolicy: Readonly<LeasePolicy> = { leaseMs: 30_000, renewEveryMs: 10_000 };

/** Why a stored owner may (or may not) be replaced. */
export type OwnerState = 'mine' | 'live' | 'gone';

/** Decides whether `stored` still owns its operation, seen from `self` at `now`. */
export function ownerState(stored: StoredOwner, self: OperationOwner, now: Date, alive: (pid: number) => boolean = pidAlive): OwnerState {
  if (stored.instanceId === null) return 'gone';
  if (stored.instanceId === self.instanceId) return 'mine';
  if (stored.leaseExpiresAt === null || Date.parse(stored.leaseExpiresAt) <= now.getTime()) return 'gone';
  if (stored.host === self.host && stored.pid !== null && !alive(stored.pid)) return 'gone';
  return 'live';
}

/** Describes an owner for messages: "pid 4711 on depot-laptop". */
export function describeOwner(stored: StoredOwner): string {
  return describeProcess(stored.pid, stored.host);
}

/**
 * A journal write found the operation closed or owned by another process: this process lost it
 * (another took it over after its lease ran out, or closed it). The engine stops driving the
 * terminal at once; nothing more is written for this operation.
 */
export class OperationNotOwned extends Error {
  constructor(
    readonly operationId: number,
    readonly status: 'open' | 'closed' | 'missing',
    readonly owner: StoredOwner | null,
  ) {
    super(
      status === 'missing'
        ? `Rebind operation #${operationId} is no longer in the journal; this process stops driving the terminal.`
        : status === 'closed'
          ? `Rebind operation #${operationId} was closed by another process (${owner === null ? 'unknown' : describeOwner(owner)}); this process stops driving the terminal.`
          : `Rebind operation #${operationId} was taken over by another process (${owner === null ? 'unknown' : describeOwner(owner)}); this process stops driving the terminal.`,
    );
    this.name = 'OperationNotOwned';
  }
}

/** An operation another live process owns: it cannot be taken over, recovered or abandoned now. */
export class OperationOwnedElsewhere extends Error {
  constructor(
    readonly operationId: number,
    readonly owner: StoredOwner,
  ) {
    super(`Rebind operation #${operationId} is running in another process (${describeOwner(owner)}); wait for it to end, or stop that process first.`);
    this.name = 'OperationOwnedElsewhere';
  }
}
