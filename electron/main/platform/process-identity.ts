// Which process this is, as the rebind journal's owner columns and the data directory's holder
// files record it, and whether a recorded process still runs. Kept at the bottom of main's layers
// so the database layer (data-dir-hold) and the rebinding engine (operation-owner) can both use it.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** One process that may own operations. */
export interface OperationOwner {
  /** Random per process (or per engine in tests): a pid can be reused, an instance id is not. */
  readonly instanceId: string;
  readonly pid: number;
  readonly host: string;
}

let processOwner: OperationOwner | undefined;

/** This process's owner identity (made once per process). */
export function currentProcessOwner(): OperationOwner {
  processOwner ??= newOwner();
  return processOwner;
}

/** A fresh owner identity for this process (tests give two engines in one process different owners). */
export function newOwner(): OperationOwner {
  return { instanceId: randomUUID(), pid: process.pid, host: hostname() };
}

/** True while a process with this pid exists on this host (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Names a process for messages: "pid 4711 on depot-laptop". */
export function describeProcess(pid: number | null, host: string | null): string {
  return `pid ${pid ?? '?'} on ${host ?? '?'}`;
}
