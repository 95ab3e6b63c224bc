// The period of a report cut into days, weeks (Monday first) or months on the desk's wall clocks,
// each as the real time it covers, so a bucket across a DST change is 23 or 25 hours long and a
// visit at 00:30 local time lands on its own local day, whatever the UTC date.
import { Temporal } from 'temporal-polyfill';
import { dayBounds, daysBetween } from '../desk/time/zoned';
import { granularityFor, type ReportGranularity, type ReportPeriod } from './service-report';

/** One bucket: its first local day and its span as UTC instants, end excluded. */
export interface ReportBucket {
  start: string;
  from: string;
  before: string;
}

// The stored form (milliseconds always written), so SQL compares instants as text correctly.
const storedInstant = (ms: number) => new Date(ms).toISOString();

function nextStart(day: Temporal.PlainDate, granularity: ReportGranularity): Temporal.PlainDate {
  if (granularity === 'day') return day.add({ days: 1 });
  if (granularity === 'week') return day.add({ days: 8 - day.dayOfWeek });
  return day.with({ day: 1 }).add({ months: 1 });
}

/** The buckets of `period`: the first starts on its first day, the last ends after its last day. */
export function reportBuckets(period: ReportPeriod): { granularity: ReportGranularity; buckets: ReportBucket[] } {
  const granularity = granularityFor(daysBetween(period.from, period.to) + 1);
  const last = Temporal.PlainDate.from(period.to);
  const buckets: ReportBucket[] = [];
  for (let day = Temporal.PlainDate.from(period.from); Temporal.PlainDate.compare(day, last) <= 0; ) {
    const next = nextStart(day, granularity);
    const end = Temporal.PlainDate.compare(next, last) > 0 ? last.add({ days: 1 }) : next;
    buckets.push({ start: day.toString(), from: storedInstant(dayBounds(day.toString(), period.zone).start), before: storedInstant(dayBounds(end.toString(), period.zone).start) });
    day = next;
  }
  return { granularity, buckets };
}
