// The link log: every byte that crosses the line, with two clocks and what it means. The Terminal
// page shows it live, the CLI prints it, and both export it (link-log-export.ts). Field engineers
// ask for serial logs with timestamps first of all (DESIGN.md §1), so nothing here is optional.
import { performance } from 'node:perf_hooks';
import { SecretMasker } from './log-mask';

/** Bytes we sent ('out'), bytes we received ('in'), or the link's own note about them ('note'). */
export type LinkLogDirection = 'out' | 'in' | 'note';

/** What an entry records. */
export type LinkLogKind =
  /** A whole frame (sent, or received with LEN, ETX and LRC right). */
  | 'frame'
  /** ACK, NAK, EOT or ENQ. */
  | 'control'
  /** A received frame refused with NAK (bad LRC, LEN over maxBody, no ETX). */
  | 'bad-frame'
  /** A LEN or ETX error: input is being discarded until the line is quiet. */
  | 'discarding'
  /** A received frame that stopped arriving and was dropped. */
  | 'stalled'
  /** Bytes before STX skipped as line noise. */
  | 'noise'
  /** A timer ran out (T1, T2). */
  | 'timer'
  /** A frame sent again after NAK or T1. */
  | 'retry'
  /** A valid frame that answers nothing we asked: a duplicate or a stray response. */
  | 'ignored'
  /** Progress of a long command (interim RC 7F). */
  | 'progress'
  /** The link gave up, was cancelled, lost its port, or was opened or closed. */
  | 'state';

/** One line of the link log. Plain data: it is sent over IPC and written as JSON lines. */
export interface LinkLogEntry {
  /** Running number within this link, from 1: shows gaps when a view drops entries. */
  index: number;
  /** Wall-clock time, ms since the Unix epoch: what the engineer correlates with the terminal's own log. */
  epochMs: number;
  /** Monotonic time in ms (performance.now()): exact intervals even when the wall clock jumps. */
  monoMs: number;
  /** The port path, e.g. "/dev/ttyUSB0". */
  port: string;
  /** Sent, received, or a note by the link. */
  direction: LinkLogDirection;
  /** What the entry records. */
  kind: LinkLogKind;
  /** The raw bytes as upper-case hex pairs separated by spaces ("02 00 02 01 01 03 01"), key check values as "**"; empty for notes. */
  hex: string;
  /** What the bytes mean, e.g. "→ HELLO seq=1" or "← bad frame (LRC wrong): NAK due". Secrets are masked. */
  text: string;
}

/** Where a link reports its log entries. Must not throw; called synchronously from the receive path. */
export interface LinkLogSink {
  /** Takes one entry. */
  append(entry: LinkLogEntry): void;
}

/** A sink that keeps the last `limit` entries in memory, for the Terminal page and tests. */
export interface MemoryLogSink extends LinkLogSink {
  /** The kept entries, oldest first (a copy). */
  entries(): LinkLogEntry[];
  /** Forgets every kept entry. */
  clear(): void;
}

/** Creates a memory sink keeping at most `limit` entries (oldest dropped first). */
export function createMemoryLogSink(limit = 10_000): MemoryLogSink {
  let kept: LinkLogEntry[] = [];
  return {
    append(entry) {
      kept.push(entry);
      // Trim in batches so a long session does not shift the array on every entry.
      if (kept.length > limit + Math.max(1, limit >> 3)) kept = kept.slice(kept.length - limit);
    },
    entries: () => (kept.length > limit ? kept.slice(kept.length - limit) : kept.slice()),
    clear() {
      kept = [];
    },
  };
}

/** Builds entries for one port with increasing indexes and both clocks. */
export class LinkLogger {
  private index = 0;
  private readonly masker = new SecretMasker();

  constructor(
    private readonly port: string,
    private readonly sink: LinkLogSink | undefined,
  ) {}

  /** Records bytes sent or received, or a note (empty bytes). Never throws, even if the sink does. */
  record(direction: LinkLogDirection, kind: LinkLogKind, bytes: Uint8Array | undefined, text: string): void {
    if (this.sink === undefined) return;
    const entry: LinkLogEntry = {
      index: ++this.index,
      epochMs: Date.now(),
      monoMs: performance.now(),
      port: this.port,
      direction,
      kind,
      hex: bytes === undefined ? '' : this.masker.hex(bytes),
      text,
    };
    try {
      this.sink.append(entry);
    } catch {
      // A broken log view must not break the link.
    }
  }

  /** Records a note by the link (no bytes). */
  note(kind: LinkLogKind, text: string): void {
    this.record('note', kind, undefined, `· ${text}`);
  }
}
