import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A pair of connected pseudo-terminals: what one side writes, the other reads, like a null-modem cable. */
export interface PtyPair {
  /** Path the host side (the console, or `rebind info --port`) opens. */
  hostPath: string;
  /** Path the terminal side (the simulator) opens. */
  terminalPath: string;
  /** Stops socat and removes the links. */
  close(): Promise<void>;
}

/** Options for making a pty pair. */
export interface PtyPairOptions {
  /** Where to put the host-side link; a temp path when omitted. */
  hostPath?: string;
  /** How long to wait for socat to create both links. */
  timeoutMs?: number;
}

/**
 * Makes a pty pair with socat (Debian package `socat`). Raw mode and no echo, so bytes pass
 * unchanged in both directions.
 */
export async function createPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-pty-'));
  const hostPath = options.hostPath ?? join(dir, 'host');
  const terminalPath = join(dir, 'terminal');
  const child: ChildProcess = spawn(
    'socat',
    [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${terminalPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const spawnError = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error('socat is not installed; install it (Debian: apt-get install socat) to use pseudo-terminals.') : error),
    );
    child.once('exit', (code) => reject(new Error(`socat exited (${code}) before the ptys were ready: ${stderr.trim()}`)));
  });
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  const ready = (async () => {
    while (!(existsSync(hostPath) && existsSync(terminalPath))) {
      if (Date.now() > deadline) throw new Error(`socat did not create ${hostPath} in time: ${stderr.trim()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  try {
    await Promise.race([ready, spawnError]);
  } catch (error) {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  spawnError.catch(() => undefined);

  return {
    hostPath,
    terminalPath,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
