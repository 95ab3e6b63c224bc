// Starts flooding-peer.ts in its own process (so the flood does not share the host's event loop)
// and stops it again, for the flood test and the flood bench.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '../../../..');
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const PEER = join(import.meta.dirname, 'flooding-peer.ts');

/** A running flooding peer. */
export interface FloodingPeer {
  /** Resolves once the peer listens on the pty (start-up under tsx takes a moment). */
  ready: Promise<void>;
  /** Resolves once the flood has started. */
  flooding: Promise<void>;
  /** Kills the peer; resolves with the flood bytes it wrote. */
  stop(): Promise<number>;
}

/** Options of the peer (see flooding-peer.ts). */
export interface FloodingPeerOptions {
  /** Flood bytes a second; 0 for as fast as the pty takes them. */
  rate?: number;
  /** What it does with each request in turn, the last repeating; ['flood'] by default. */
  answers?: string[];
}

/** Starts the peer on the terminal end of a pty. */
export function startFloodingPeer(terminalPath: string, options: FloodingPeerOptions = {}): FloodingPeer {
  // One process (tsx as a loader, not its CLI wrapper), so the peer's parent is this process.
  const child = spawn(process.execPath, ['--import', TSX_LOADER, PEER, terminalPath, '--rate', String(options.rate ?? 0), '--answers', (options.answers ?? ['flood']).join(',')], {
    // stdin stays open for the peer's life: it leaves when this process does, however it ends.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let listening: () => void;
  let failed: (error: Error) => void;
  let started: () => void;
  const ready = new Promise<void>((resolve, reject) => ((listening = resolve), (failed = reject)));
  const flooding = new Promise<void>((resolve) => (started = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready')) listening();
    if (out.includes('flooding')) started();
  });
  // 'close', not 'exit': the last of its stdout ("sent N") may come after it exited.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // A peer that dies first (a bad pty path, a syntax error) fails the wait instead of hanging it.
  child.once('exit', (code) => failed(new Error(`the flooding peer exited (${code}) before it listened`)));
  return {
    ready,
    flooding,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        // A peer that does not leave on SIGTERM is killed outright.
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(timer);
      }
      return Number(/sent (\d+)/.exec(out)?.[1] ?? 0);
    },
  };
}
