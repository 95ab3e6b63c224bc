// The real `rebind` program (bin/rebind.mjs, the build in out/node when present) in a child process,
// for tests where several processes share one data directory: its stderr progress lines as they
// come, a way to wait for one, and its exit.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '../../../../bin/rebind.mjs');

/** A running `rebind` command. */
export interface RebindProcess {
  readonly child: ChildProcess;
  /** stderr lines so far (the progress printer writes one per step). */
  readonly lines: string[];
  /** Resolves with the first stderr line that matches (bounded by `withinMs`; rejects after, or when the process ends first). */
  waitForLine(pattern: RegExp, withinMs?: number): Promise<string>;
  /** Resolves when the process ends. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `node bin/rebind.mjs ...args`. */
export function startRebind(args: string[]): RebindProcess {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
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
