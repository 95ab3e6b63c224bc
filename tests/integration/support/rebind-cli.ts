// The real `rebind` program (bin/rebind.mjs, the build in out/node when present) in a child process,
// the one way tests and benchmarks run it: startRebind streams its stderr lines and can wait for
// one (several processes sharing a data directory, Ctrl-C at a step); runRebind waits for its end.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const rebindBin = join(import.meta.dirname, '../../../bin/rebind.mjs');

/** How a `rebind` command ended, with all it printed. */
export interface RebindEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `rebind` command. */
export interface RebindProcess {
  readonly child: ChildProcess;
  /** stderr lines so far (the progress printer writes one per step). */
  readonly lines: string[];
  /** Resolves with the first stderr line that matches (bounded by `withinMs`; rejects after, or when the process ends first). */
  waitForLine(pattern: RegExp, withinMs?: number): Promise<string>;
  readonly exited: Promise<RebindEnd>;
}

export interface RebindOptions {
  /** The child's whole environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Starts `node bin/rebind.mjs ...args`; stdin is closed, so the command cannot prompt. */
export function startRebind(args: readonly string[], options: RebindOptions = {}): RebindProcess {
  const child = spawn(process.execPath, [rebindBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
  const lines: string[] = [];
  let stdout = '';
  let stderr = '';
  let partial = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    partial += chunk.toString();
    let nl;
    while ((nl = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, nl);
      partial = partial.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.pattern.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    }
  });
  const exited = new Promise<RebindEnd>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    lines,
    exited,
    waitForLine(pattern, withinMs = 60_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`rebind ${args[0]} printed no line matching ${pattern} within ${withinMs} ms; it printed:\n${lines.join('\n')}`)), withinMs);
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then((end) => {
          clearTimeout(timer);
          reject(new Error(`rebind ${args[0]} ended (${end.code ?? end.signal}) before printing a line matching ${pattern}:\n${end.stderr}`));
        });
      });
    },
  };
}

/** Runs `rebind ...args` to its end; after `withinMs` the process is killed and the promise rejects. */
export async function runRebind(args: readonly string[], options: RebindOptions & { readonly withinMs?: number } = {}): Promise<RebindEnd> {
  const withinMs = options.withinMs ?? 60_000;
  const running = startRebind(args, options);
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      running.child.kill('SIGKILL');
      reject(new Error(`rebind ${args.join(' ')} did not end within ${withinMs} ms`));
    }, withinMs);
  });
  try {
    return await Promise.race([running.exited, overdue]);
  } finally {
    clearTimeout(timer);
  }
}
