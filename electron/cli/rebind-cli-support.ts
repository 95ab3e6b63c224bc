// What `rebind run` and `rebind recover` share: where the data directory is, opening the database,
// progress lines, the JSON and text forms of an outcome, and its exit code.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { RebindEvent } from '../../shared/rebind/rebind-events';
import { inEnglish } from '../../shared/errors/reasons-en';
import type { RebindOutcome } from '../../shared/rebind/rebind-outcome';
import { stepLabels } from '../../shared/rebind/rebind-steps';
import { resolveDataDir } from '../main/data-dir';
import { registerDataDirHolder } from '../main/db/data-dir-hold';
import { migrations } from '../main/db/migrations';
import { openAppDatabase } from '../main/db/open-database';

/** The database file name inside the data directory (the app's, see main-context.ts). */
export const DATABASE_FILE = 'rebinddesk.sqlite';

/**
 * Electron's userData for RebindDesk on this platform, which the CLI cannot ask Electron for:
 * `%APPDATA%\RebindDesk` on Windows, `~/Library/Application Support/RebindDesk` on macOS,
 * `$XDG_CONFIG_HOME/RebindDesk` (default `~/.config/RebindDesk`) elsewhere.
 */
export function platformDataDir(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'RebindDesk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'RebindDesk');
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'RebindDesk');
}

/** --data-dir, else REBINDDESK_DATA_DIR, else the platform default: the same directory the app uses. */
export function cliDataDir(option: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return resolveDataDir(option === undefined ? [] : ['--data-dir', option], env, platformDataDir(process.platform, env, homedir()));
}

/** Opens (creating and migrating) the app database in `dataDir`. */
export function openRebindDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  return openAppDatabase(join(dataDir, DATABASE_FILE), { migrations }).db;
}

/** The database of a data directory this process holds (db/data-dir-hold.ts): a restore elsewhere waits for `close`. */
export interface HeldDatabase {
  readonly db: Database.Database;
  /** Closes the database and withdraws the registration. */
  close(): void;
}

/**
 * Registers this command as a holder of `dataDir` (refused while a restore is under way), then
 * opens the database; `kind` names the command for a refused restore's message.
 */
export function openHeldDatabase(dataDir: string, kind: string): HeldDatabase {
  mkdirSync(dataDir, { recursive: true });
  const registration = registerDataDirHolder(dataDir, kind);
  let db: Database.Database;
  try {
    db = openRebindDatabase(dataDir);
  } catch (error) {
    registration.release();
    throw error;
  }
  return {
    db,
    close() {
      if (db.open) db.close();
      registration.release();
    },
  };
}


/**
 * Like openHeldDatabase, but only if the database exists; null otherwise (nothing is created or
 * registered). `recover` uses it: a mistyped --data-dir must not leave an empty database behind
 * that then says "nothing to recover".
 */
export function openHeldExistingDatabase(dataDir: string, kind: string): HeldDatabase | null {
  return existsSync(join(dataDir, DATABASE_FILE)) ? openHeldDatabase(dataDir, kind) : null;
}

/** Exit codes of `rebind run` and `rebind recover`: 0 rebound, 3 restored, 4 needs attention, 5 refused (2 bad input and 1 error come from the CLI itself). */
export const outcomeExitCodes = { rebound: 0, restored: 3, 'needs-attention': 4, refused: 5 } as const;

export function exitCodeFor(outcome: RebindOutcome): number {
  return outcomeExitCodes[outcome.outcome];
}

/** The JSON the CLI prints for an outcome, with the count of the session's link lines (written with --log). */
export function outcomeJson(outcome: RebindOutcome, linkLogEntries: number): Record<string, unknown> {
  return { ...outcome, ...outcomeInEnglish(outcome), linkLogEntries };
}

/** The outcome's sentences in English: the CLI says the engine's reason codes with the shared English catalog. */
export function outcomeInEnglish(outcome: RebindOutcome): { message: string; known: string[]; nextSteps: string[] } {
  return { message: inEnglish(outcome.message), known: outcome.known.map(inEnglish), nextSteps: outcome.nextSteps.map(inEnglish) };
}

/** The outcome for people: the banner, what is known, what to do, and the steps with their times. */
export function outcomeLines(outcome: RebindOutcome): string[] {
  const english = outcomeInEnglish(outcome);
  const lines = [`${outcome.outcome.toUpperCase()} (${outcome.reason}): ${english.message}`];
  for (const known of english.known) lines.push(`  known: ${known}`);
  for (const next of english.nextSteps) lines.push(`  next:  ${next}`);
  lines.push(`  operation #${outcome.operationId}${outcome.operationOpen ? ' (still open)' : ''}, backup ${outcome.backupId === null ? 'none' : `#${outcome.backupId}`}`);
  lines.push(`  digest before ${outcome.digestBefore ?? '-'}`);
  lines.push(`  target        ${outcome.targetDigest}`);
  lines.push(`  final         ${outcome.finalDigest ?? 'unknown'}`);
  for (const step of outcome.steps) {
    const time = step.durationMs === null ? '' : ` ${Math.round(step.durationMs)} ms`;
    lines.push(`  [${step.session}.${step.attempt}] ${step.step.padEnd(15)} ${step.status}${time}${step.error === null ? '' : `: ${step.error}`}`);
  }
  return lines;
}

/** A listener that prints one line per step and decision (on stderr, so --json output stays clean). */
export function progressPrinter(write: (line: string) => void): (event: RebindEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'step-started':
        write(`… ${stepLabels[event.step]}`);
        return;
      case 'step-finished':
        write(`${event.status === 'ok' ? '✓' : event.status === 'skipped' ? '–' : '✗'} ${stepLabels[event.step]} (${Math.round(event.durationMs)} ms)${event.error === null ? '' : `: ${inEnglish(event.error)}`}`);
        return;
      case 'decision':
        write(`→ ${inEnglish(event.message)}`);
        return;
      case 'receipt':
        write(`receipt:\n${event.lines.map((l) => `    ${l}`).join('\n')}`);
        return;
      default:
        return;
    }
  };
}
