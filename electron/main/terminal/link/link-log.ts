// The link log: every byte that crosses the line, with two clocks and what it means. The Terminal
// page shows it live, the CLI prints it, and both export it (link-log-export.ts). Field engineers
// ask for serial logs with timestamps first of all (DESIGN.md §1), so nothing here is optional.
import { fitLinkLogLine } from '../../../../shared/terminal/link-log-line';
import type { LinkLogLine } from '../../../../shared/terminal/link-log-line';
import { systemClock } from '../../platform/clock';
import type { Clock } from '../../platform/clock';
import { SecretMasker } from './log-mask';

/** Bytes we sent ('out'), bytes we received ('in'), or the link's own note about them ('note'). */
export type LinkLogDirection = LinkLogLine['direction'];

/**
 * What an entry records:
 * - `frame`: a whole frame (sent, or received with LEN, ETX and LRC right);
 * - `control`: ACK, NAK, EOT or ENQ;
 * - `bad-frame`: a received frame refused with NAK (bad LRC, LEN over maxBody, no ETX);
 * - `discarding`: a LEN or ETX error: input is being discarded until the line is quiet;
 * - `stalled`: a received frame that stopped arriving and was dropped;
 * - `noise`: bytes before STX skipped as line noise;
 * - `timer`: a timer or a bound ran out (T1, T2, interims, total time);
 * - `retry`: a frame sent again after NAK or T1;
 * - `ignored`: a valid frame that answers nothing we asked: a duplicate or a stray response;
 * - `progress`: progress of a long command (interim RC 7F);
 * - `state`: the link gave up, was cancelled, lost its port, or was opened or closed.
 */
export type LinkLogKind = LinkLogLine['kind'];

/**
 * One line of the link log (shared/terminal/link-log-line.ts, the one schema). Plain data: it is
 * sent over IPC and written as JSON lines. `hex` shows key check values as "**"; `text` masks secrets.
 */
export type LinkLogEntry = LinkLogLine;

/** Where a link reports its log entries. Must not throw; called synchronously from the receive path. */
export interface LinkLogSink {
  append(entry: LinkLogEntry): void;
}

/** A sink that keeps the last `limit` entries in memory, for the Terminal page and tests. */
export interface MemoryLogSink extends LinkLogSink {
  /** The kept entries, oldest first (a copy). */
  entries(): LinkLogEntry[];
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
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Records bytes sent or received, or a note (empty bytes). `omitted` counts bytes of the event
   * left out of `bytes` (a flood's discard keeps a prefix); the text then says how many there were.
   * Every field is held to the one limit of a line. Never throws, even if the sink does.
   */
  record(direction: LinkLogDirection, kind: LinkLogKind, bytes: Uint8Array | undefined, text: string, omitted = 0): void {
    if (this.sink === undefined) return;
    const shown = bytes?.length ?? 0;
    const entry: LinkLogEntry = fitLinkLogLine({
      index: ++this.index,
      epochMs: this.clock.now().getTime(),
      monoMs: this.clock.monoMs(),
      port: this.port,
      direction,
      kind,
      hex: bytes === undefined ? '' : this.masker.hex(bytes),
      text: omitted > 0 ? `${text} [${(shown + omitted).toLocaleString('en-US')} bytes, the first ${shown} shown]` : text,
    });
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
