// The Terminal page's link log in main: the newest lines of every link it showed, numbered, pushed
// to listeners in batches. Lines are held to the one schema of a link log line when they come in,
// so neither a batch nor `terminal:link-log` can carry one the IPC contract refuses.
import { fitLinkLogLine, numberedLinkLogLineSchema } from '../../../../shared/terminal/link-log-line';
import type { LinkLogLine } from '../../../../shared/terminal/link-log-line';
import type { LinkLogEntry } from '../../../../shared/terminal/terminal-state';

/** A log line before it gets its sequence number. */
export type NewLinkLogEntry = LinkLogLine;

/** The link log kept in main: the newest lines in a ring, numbered, pushed to listeners in batches. */
export interface LinkLogBuffer {
  /** Adds a line (cut to the limit); a line that still breaks the schema is reported and dropped. */
  append(entry: NewLinkLogEntry): void;
  /** The newest `limit` lines with seq above `afterSeq` (every kept line by default). */
  since(afterSeq?: number, limit?: number): LinkLogEntry[];
  /** Calls `listener` with new lines at most every `flushMs`; returns the removal. */
  subscribe(listener: (entries: LinkLogEntry[]) => void): () => void;
  clear(): void;
}

/** Options of the buffer. */
export interface LinkLogBufferOptions {
  /** Lines kept (50,000 by default). */
  capacity?: number;
  /** Longest wait before new lines go to listeners (100 ms by default). */
  flushMs?: number;
  /** Where a dropped line or a listener that throws is reported; the app log in the app. */
  onError?: (what: string, error: unknown) => void;
}

/** Creates a buffer keeping the last `capacity` lines. */
export function createLinkLogBuffer(options: LinkLogBufferOptions = {}): LinkLogBuffer {
  const capacity = options.capacity ?? 50_000;
  const flushMs = options.flushMs ?? 100;
  const onError = options.onError ?? ((what, error) => console.error(`[link log] ${what}`, error));
  let lines: LinkLogEntry[] = [];
  let nextSeq = 0;
  let pending: LinkLogEntry[] = [];
  let timer: NodeJS.Timeout | null = null;
  const listeners = new Set<(entries: LinkLogEntry[]) => void>();

  // Batching keeps a chatty link (a settle with progress every few ms) from flooding the renderer.
  // This runs in a timer: nothing may escape it, or one bad listener would end the process.
  const flush = () => {
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(batch);
      } catch (error) {
        onError(`a listener refused ${batch.length} lines; they stay readable through terminal:link-log`, error);
      }
    }
  };

  return {
    append(entry) {
      const checked = numberedLinkLogLineSchema.safeParse({ ...fitLinkLogLine(entry), seq: nextSeq });
      if (!checked.success) {
        onError('a link log line that is not a link log line was dropped', checked.error);
        return;
      }
      nextSeq++;
      const line = checked.data;
      lines.push(line);
      if (lines.length > capacity * 1.1) lines = lines.slice(lines.length - capacity);
      if (listeners.size === 0) return;
      pending.push(line);
      timer ??= setTimeout(flush, flushMs);
    },
    since(afterSeq = -1, limit = capacity) {
      return lines.filter((line) => line.seq > afterSeq).slice(-Math.min(limit, capacity));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      lines = [];
      pending = [];
    },
  };
}
