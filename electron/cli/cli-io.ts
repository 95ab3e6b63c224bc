/** Where a CLI command writes; tests capture it, the real CLI uses the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Calls `listener` on every Ctrl-C (SIGINT) until the returned function is called; absent where there is no terminal to interrupt. */
  onInterrupt?(listener: () => void): () => void;
  /** Ends the process at once with `code` (a second Ctrl-C); absent in tests. */
  exit?(code: number): never;
}

/** The exit code of a process stopped by Ctrl-C (128 + SIGINT). */
export const interruptedExitCode = 130;

/** Exit codes of `rebind`: 0 ok, 1 link or terminal error, 2 usage or bad input; `run` and `recover` add 3 restored, 4 needs attention, 5 refused (rebind-cli-support.ts). */
export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/** A usage or input error: exit 2 with a message saying what to fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prints an error as one clear line, or as JSON with --json. */
export function reportError(io: CliIo, json: boolean, kind: string, message: string, extra: Record<string, unknown> = {}): void {
  if (json) io.err(JSON.stringify({ error: { kind, message, ...extra } }));
  else io.err(`rebind: ${message}`);
}
