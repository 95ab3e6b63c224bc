// Who has a data directory open, across processes on one machine (Node has no flock): every process
// that opens the database (the app, `rebind run`, `rebind recover`, `rebind audit verify`) registers
// a holder file in `<dataDir>/holders/`, and a restore, which replaces the database file, first
// creates `<dataDir>/restore.lock` exclusively (a hard link, atomic like O_EXCL). Both sides write first and check second: an opener
// writes its holder file, then looks for the restore marker; a restore creates the marker, then
// looks for holders. Whichever comes second sees the first, so a race is always seen by one side
// (possibly both, and then both refuse, which is safe). Holders and markers of processes that died
// on this host (pid gone) are ignored and removed.
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataDirBusyReason } from '../../../shared/backup/data-dir-busy';
import { AppError } from '../app-error';
import { currentProcessOwner, describeProcess, pidAlive, type OperationOwner } from '../platform/process-identity';

/** What a holder file or the restore marker records. */
export interface HolderRecord {
  instanceId: string;
  pid: number;
  host: string;
  /** What holds it: "app", "rebind run", "restore", … */
  kind: string;
  since: string;
}

/** A registration of this process as a holder of the data directory; `release` removes it (safe to call twice). */
export interface DataDirRegistration {
  readonly record: HolderRecord;
  release(): void;
}

/** The exclusive hold a restore takes; `release` removes the marker (safe to call twice). */
export interface ExclusiveHold {
  release(): void;
}


/** The data directory is busy: a restore is under way, another process has it open, or a rebind operation is open. */
export class DataDirBusy extends AppError {
  constructor(
    readonly busyReason: DataDirBusyReason,
    message: string,
    readonly holders: readonly HolderRecord[] = [],
  ) {
    super('conflict', { code: busyReason, params: {} });
    // Worded in the renderer only; the English kept for the CLI and the logs names the holders.
    this.message = message;
    this.name = 'DataDirBusy';
  }
}

const HOLDERS = 'holders';
const MARKER = 'restore.lock';

/** Holder files this process still has; a normal exit (even process.exit) removes them. */
const heldFiles = new Set<string>();
let exitHookInstalled = false;
function removeAtExit(path: string): void {
  heldFiles.add(path);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // One listener for all registrations; a crash leaves stale files, which a restore recognises by their dead pid.
  process.once('exit', () => {
    for (const file of heldFiles) rmSync(file, { force: true });
  });
}

/**
 * Registers this process as a holder of `dataDir`, then checks for a restore under way: refused
 * (DataDirBusy `restore-in-progress`, the registration withdrawn) while a live process restores.
 */
export function registerDataDirHolder(dataDir: string, kind: string, owner: OperationOwner = currentProcessOwner(), now: Date = new Date()): DataDirRegistration {
  const dir = join(dataDir, HOLDERS);
  mkdirSync(dir, { recursive: true });
  const record: HolderRecord = { instanceId: owner.instanceId, pid: owner.pid, host: owner.host, kind, since: now.toISOString() };
  const path = join(dir, `${owner.instanceId}.json`);
  // Written whole under a temporary name, then renamed: a reader never sees half a record.
  writeFileSync(`${path}.tmp`, JSON.stringify(record));
  renameSync(`${path}.tmp`, path);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldFiles.delete(path);
    rmSync(path, { force: true });
  };
  removeAtExit(path);
  const restoring = liveMarker(dataDir, owner);
  if (restoring !== undefined) {
    release();
    throw new DataDirBusy(
      'restore-in-progress',
      `A restore of this data directory is under way (${describeHolder(restoring)}); wait for it to finish, then start again. Nothing was opened.`,
      [restoring],
    );
  }
  return { record, release };
}

/**
 * Takes the data directory for a restore: creates the marker (O_EXCL), then refuses
 * (DataDirBusy, marker removed) while another live process has the directory open, or while
 * `openOperations()` counts any open rebind operation. Stale holders and markers are removed.
 */
export function takeExclusiveHold(dataDir: string, openOperations: () => number, owner: OperationOwner = currentProcessOwner(), now: Date = new Date()): ExclusiveHold {
  mkdirSync(dataDir, { recursive: true });
  const markerPath = join(dataDir, MARKER);
  const record: HolderRecord = { instanceId: owner.instanceId, pid: owner.pid, host: owner.host, kind: 'restore', since: now.toISOString() };
  if (!createMarker(markerPath, record)) {
    const other = liveMarker(dataDir, owner);
    if (other !== undefined) throw new DataDirBusy('restore-in-progress', `Another restore of this data directory is under way (${describeHolder(other)}); wait for it to finish.`, [other]);
    // liveMarker removed a stale one; one more try, and a process that raced us in between wins.
    if (!createMarker(markerPath, record)) throw new DataDirBusy('restore-in-progress', 'Another restore of this data directory started just now; wait for it to finish.');
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(markerPath, { force: true });
  };
  try {
    const others = liveHolders(dataDir, owner);
    if (others.length > 0) {
      throw new DataDirBusy(
        'data-dir-in-use',
        `Another process has this data directory open (${others.map(describeHolder).join('; ')}): restoring now would pull the database from under it. Let it finish (or close it), then restore.`,
        others,
      );
    }
    const open = openOperations();
    if (open > 0) {
      throw new DataDirBusy(
        'rebind-operation-open',
        `${open} rebind operation${open === 1 ? ' is' : 's are'} still open in this database: a restore would lose ${open === 1 ? 'its' : 'their'} journal. Finish or undo ${open === 1 ? 'it' : 'them'} (On-site page, or rebind recover), then restore.`,
      );
    }
  } catch (error) {
    release();
    throw error;
  }
  return { release };
}

/** The live holders of `dataDir` other than `owner`; removes the files of processes that died on this host. */
export function liveHolders(dataDir: string, owner: OperationOwner = currentProcessOwner()): HolderRecord[] {
  const dir = join(dataDir, HOLDERS);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: HolderRecord[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const path = join(dir, name);
    const record = readRecord(path);
    if (record === undefined || isStale(record, owner)) {
      rmSync(path, { force: true });
      continue;
    }
    if (record.instanceId !== owner.instanceId) live.push(record);
  }
  return live;
}

/** The restore marker when a live process other than `owner` holds it; a stale one is removed. */
function liveMarker(dataDir: string, owner: OperationOwner): HolderRecord | undefined {
  const path = join(dataDir, MARKER);
  const record = readRecord(path);
  if (record === undefined) {
    // Missing, or damaged (it is only ever created whole): nobody is restoring.
    rmSync(path, { force: true });
    return undefined;
  }
  if (record.instanceId === owner.instanceId) return undefined;
  if (isStale(record, owner)) {
    rmSync(path, { force: true });
    return undefined;
  }
  return record;
}

/**
 * Creates the marker exclusively, whole: written under a private name, then hard-linked to the
 * marker's name, which fails with EEXIST when it exists (link is atomic, like O_EXCL, and a reader
 * never sees an empty marker). False when it exists already.
 */
function createMarker(path: string, record: HolderRecord): boolean {
  const temporary = `${path}.${record.instanceId}.tmp`;
  writeFileSync(temporary, JSON.stringify(record), { flag: 'w' });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** A record of a process that died on this host. One on another host cannot be checked and counts as live. */
function isStale(record: HolderRecord, owner: OperationOwner): boolean {
  return record.host === owner.host && record.instanceId !== owner.instanceId && !pidAlive(record.pid);
}

function readRecord(path: string): HolderRecord | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<HolderRecord>;
    if (typeof parsed.instanceId !== 'string' || typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return { instanceId: parsed.instanceId, pid: parsed.pid, host: parsed.host, kind: String(parsed.kind ?? '?'), since: String(parsed.since ?? '?') };
  } catch {
    return undefined;
  }
}

function describeHolder(record: HolderRecord): string {
  return `${record.kind}, ${describeProcess(record.pid, record.host)}, since ${record.since}`;
}
