// Where the persistent state lives: a JSON file written atomically (tmp, fsync, rename), or memory
// when no file is given. Either way a power loss reloads what was last saved, nothing newer.
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../fs/write-file-atomic';
import { parseSimulatorState } from './state-schema';
import type { SimulatorStateInit } from './terminal-state';

/** The marker at the top of a state file. */
export const STATE_FILE_FORMAT = 'rebinddesk-simulator-state';
/** The state file version this code writes and reads. */
export const STATE_FILE_VERSION = 1;

/** Saves and loads the persistent state. */
export interface StateStore {
  /** The last saved state (a fresh copy). */
  load(): SimulatorStateInit;
  /** Saves the state so that a power loss right after keeps it; throws when storage fails. */
  save(state: SimulatorStateInit): void;
  /** The file path, or undefined for memory. */
  readonly path: string | undefined;
}

/** A store in memory: a power loss still loses anything not saved. */
export function createMemoryStateStore(initial: SimulatorStateInit): StateStore {
  let saved = JSON.stringify(initial);
  return {
    path: undefined,
    load: () => JSON.parse(saved) as SimulatorStateInit,
    save(state) {
      saved = JSON.stringify(state);
    },
  };
}

/**
 * A store in a JSON file. A missing file is created from `initial`; an existing file wins over
 * `initial`. Throws at once when the file cannot be read or is not a valid state.
 */
export function createFileStateStore(path: string, initial: SimulatorStateInit): StateStore {
  const store: StateStore = {
    path,
    load: () => readStateFile(path),
    save: (state) => writeStateFile(path, state),
  };
  if (!existsSync(path)) store.save(initial);
  else store.load();
  return store;
}

/** Reads and checks a state file; the error names the file and what is wrong. */
export function readStateFile(path: string): SimulatorStateInit {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Simulator state file ${path} cannot be read as JSON (${(error as Error).message}); fix it or delete it to start from the defaults.`);
  }
  const file = raw as { format?: unknown; version?: unknown; state?: unknown } | null;
  if (file === null || typeof file !== 'object' || file.format !== STATE_FILE_FORMAT) {
    throw new Error(`${path} is not a simulator state file (no "format": "${STATE_FILE_FORMAT}"); pass another --state path.`);
  }
  if (file.version !== STATE_FILE_VERSION) {
    throw new Error(`Simulator state file ${path} has version ${String(file.version)}; this RebindDesk reads version ${STATE_FILE_VERSION}.`);
  }
  return parseSimulatorState(file.state, `Simulator state file ${path}`);
}

/** Writes the state atomically: a reader (or a power loss) sees the old file or the new one, never half. */
export function writeStateFile(path: string, state: SimulatorStateInit): void {
  const text = `${JSON.stringify({ format: STATE_FILE_FORMAT, version: STATE_FILE_VERSION, savedAt: new Date().toISOString(), state }, null, 2)}\n`;
  writeFileAtomic(path, text);
}
