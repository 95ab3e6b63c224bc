// The app's log file (logs/main.log in the data directory): where unexpected errors go, so an
// "unexpected error" message can say where to look. Size-capped: when the file would pass
// `maxBytes` it is rotated (main.log → main.log.1 → … → main.log.N, the oldest dropped), so a
// laptop left running for months never fills its disk with it. Writing never throws: a log that
// cannot be written must not turn one error into two.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';

/** The log file's path inside a data directory. */
export function appLogPath(dataDir: string): string {
  return join(dataDir, 'logs', 'main.log');
}

/** How the log is capped. */
export interface AppLogOptions {
  /** Rotate before the file grows past this many bytes (1 MiB by default). */
  maxBytes?: number;
  /** Rotated files kept (main.log.1 … main.log.N); 3 by default. */
  keep?: number;
  now?: () => Date;
}

/** An append-only, rotated log file. */
export interface AppLog {
  readonly path: string;
  /** Appends one entry: the time, what failed, and the error with its stack (or the value). */
  error(what: string, error: unknown): void;
}

/** Opens (creating its folder) the log at `path`. */
export function createAppLog(path: string, options: AppLogOptions = {}): AppLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());

  const rotate = () => {
    rmSync(`${path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(`${path}.${n}`)) renameSync(`${path}.${n}`, `${path}.${n + 1}`);
    renameSync(path, `${path}.1`);
  };

  return {
    path,
    error(what, error) {
      const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : inspect(error, { depth: 4, breakLength: 120 });
      let entry = `${now().toISOString()} ERROR ${what}: ${detail}\n`;
      // One entry never exceeds the cap on its own.
      if (Buffer.byteLength(entry) > maxBytes) entry = `${entry.slice(0, Math.max(0, maxBytes - 32))}… (cut)\n`;
      try {
        mkdirSync(dirname(path), { recursive: true });
        const size = existsSync(path) ? statSync(path).size : 0;
        if (size > 0 && size + Buffer.byteLength(entry) > maxBytes) rotate();
        appendFileSync(path, entry);
      } catch {
        // The console still has it (main-context logs both).
      }
    },
  };
}
