// One session's link log (every connection of it, in order) and its live events. The journal keeps
// the log; a caller that wants the lines as they come (the CLI's --log) passes its own sink. The
// lines are no event: in the app they reach the Terminal page's log through the lent line, once.
import type { RebindEvent, RebindEventListener } from '../../../shared/rebind/rebind-events';
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
      this.lines?.append(entry);
    },
  };

  constructor(
    private readonly listener: RebindEventListener | undefined,
    private readonly lines?: LinkLogSink,
  ) {}

  /** Sends an event; a listener that throws is ignored (the rebind must go on). */
  emit(event: RebindEvent): void {
    if (this.listener === undefined) return;
    try {
      this.listener(event);
    } catch {
      // A broken view must not break the rebind.
    }
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
