// One session's link log (every connection of it, in order) and its live events. The outcome
// carries the log, the journal keeps it, and the On-site view shows it as it grows.
import type { RebindEvent, RebindEventListener } from '../../../shared/rebind/rebind-events';
import type { RebindLinkLogEntry } from '../../../shared/rebind/rebind-outcome';
import { linkLogToJsonLines } from '../terminal/link/link-log-export';
import type { LinkLogEntry, LinkLogSink } from '../terminal/link/link-log';

/** Entries kept per session; a session that runs longer keeps the newest. */
const MAX_ENTRIES = 50_000;

/** The link log and event stream of one session. */
export class SessionLog {
  private entries: LinkLogEntry[] = [];
  private dropped = 0;
  /** The sink every connection of the session logs to. */
  readonly sink: LinkLogSink = {
    append: (entry) => {
      this.entries.push(entry);
      if (this.entries.length > MAX_ENTRIES + 1000) {
        this.dropped += this.entries.length - MAX_ENTRIES;
        this.entries = this.entries.slice(this.entries.length - MAX_ENTRIES);
      }
      this.emit({ type: 'link', entry: { ...entry } });
    },
  };

  constructor(private readonly listener: RebindEventListener | undefined) {}

  /** Sends an event; a listener that throws is ignored (the rebind must go on). */
  emit(event: RebindEvent): void {
    if (this.listener === undefined) return;
    try {
      this.listener(event);
    } catch {
      // A broken view must not break the rebind.
    }
  }

  /** The entries kept, oldest first. */
  snapshot(): RebindLinkLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  /** The entries as JSON lines, for the journal. */
  jsonl(): string {
    return linkLogToJsonLines(this.entries);
  }

  /** How many entries were kept and dropped. */
  counts(): { kept: number; dropped: number } {
    return { kept: this.entries.length, dropped: this.dropped };
  }
}
