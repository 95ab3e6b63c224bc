import type { LinkLogEntry } from '../../../../shared/terminal/terminal-state';

/** A log line before it gets its sequence number. */
export type NewLinkLogEntry = Omit<LinkLogEntry, 'seq'>;

/** The link log kept in main: the newest lines in a ring, numbered, pushed to listeners in batches. */
export interface LinkLogBuffer {
  append(entry: NewLinkLogEntry): void;
  /** Lines with seq above `afterSeq` (all kept lines by default). */
  since(afterSeq?: number): LinkLogEntry[];
  /** Calls `listener` with new lines at most every `flushMs`; returns the removal. */
  subscribe(listener: (entries: LinkLogEntry[]) => void): () => void;
  clear(): void;
}

/** Creates a buffer keeping the last `capacity` lines. */
export function createLinkLogBuffer(capacity = 50_000, flushMs = 100): LinkLogBuffer {
  let lines: LinkLogEntry[] = [];
  let nextSeq = 0;
  let pending: LinkLogEntry[] = [];
  let timer: NodeJS.Timeout | null = null;
  const listeners = new Set<(entries: LinkLogEntry[]) => void>();

  // Batching keeps a chatty link (a settle with progress every few ms) from flooding the renderer.
  const flush = () => {
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length > 0) for (const listener of listeners) listener(batch);
  };

  return {
    append(entry) {
      const line = { ...entry, seq: nextSeq++ };
      lines.push(line);
      if (lines.length > capacity * 1.1) lines = lines.slice(lines.length - capacity);
      if (listeners.size === 0) return;
      pending.push(line);
      timer ??= setTimeout(flush, flushMs);
    },
    since(afterSeq = -1) {
      return lines.filter((line) => line.seq > afterSeq).slice(-capacity);
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
