// Reading an instant on a zone's wall clocks with the runtime's Intl data directly: the same data
// Temporal (the polyfill) reads, without its object layers, which cost about 100 µs a reading on
// the build machine (the booking gate reads several per booking; the slot finder thousands). One
// formatter per zone, kept for the process. Anything outside the plain case — years before 1000 or
// after 9999, a zone Intl does not know (Temporal's offset zones) — returns undefined, and the
// caller asks Temporal, so its answers and errors stay the ones it gives.

/** A wall-clock reading: the fields, and the zone's offset then in seconds (east of UTC positive). */
export interface WallReading {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  offsetSeconds: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

const EARLIEST = Date.UTC(1000, 0, 2);
const LATEST = Date.UTC(9999, 11, 30);

/** `ms` on the wall clocks of `zone`, or undefined when Temporal must answer. */
export function readWallClock(ms: number, zone: string): WallReading | undefined {
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > LATEST) return undefined;
  const formatter = formatterOf(zone);
  if (formatter === null) return undefined;
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined) return undefined;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetSeconds = Math.round((wallMs - Math.floor(ms / 1000) * 1000) / 1000);
  const weekday = new Date(wallMs).getUTCDay();
  return { year, month, day, hour, minute, weekday: weekday === 0 ? 7 : weekday, offsetSeconds };
}

const two = (n: number) => String(n).padStart(2, '0');

/** An offset as Temporal writes it: ±HH:MM, with :SS when the zone's offset had seconds (old local mean times). */
export function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const text = `${sign}${two(Math.floor(abs / 3600))}:${two(Math.floor((abs % 3600) / 60))}`;
  return abs % 60 === 0 ? text : `${text}:${two(abs % 60)}`;
}

/** YYYY-MM-DD of a reading. */
export function dateText(reading: Pick<WallReading, 'year' | 'month' | 'day'>): string {
  return `${String(reading.year).padStart(4, '0')}-${two(reading.month)}-${two(reading.day)}`;
}

/** HH:MM of a reading. */
export function clockText(reading: Pick<WallReading, 'hour' | 'minute'>): string {
  return `${two(reading.hour)}:${two(reading.minute)}`;
}

const plainDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch of a plain YYYY-MM-DD date that exists, or undefined (then Temporal parses it and says why not). */
export function epochDayOf(date: string): number | undefined {
  const match = plainDate.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (year < 1000 || back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / 86_400_000;
}
