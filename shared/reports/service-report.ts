// The Reports page's figures (issue 11 point 4): what main computes by SQL for a period and sends
// in one answer — counts and averages only, never the rows behind them (docs/reports.md).
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import { plainDateSchema, timeZoneSchema } from '../desk/model/calendar';
import { failureCauses } from '../checklist/checklist-outcome';

/** The longest period a report covers: about five years of months. */
export const REPORT_MAX_DAYS = 366 * 5;

/** How the period is cut for "outcomes over time": by day up to a month, by week up to half a year, else by month. */
export const reportGranularities = ['day', 'week', 'month'] as const;
/** One of the granularities. */
export type ReportGranularity = (typeof reportGranularities)[number];

/** A period: from the first day to the last, both included, on the desk's wall clocks in `zone`. */
export const reportPeriodSchema = z
  .strictObject({ from: plainDateSchema, to: plainDateSchema, zone: timeZoneSchema })
  .refine((period) => period.from <= period.to, { message: 'the first day is after the last', path: ['to'] })
  .refine((period) => Temporal.PlainDate.from(period.from).until(Temporal.PlainDate.from(period.to)).days < REPORT_MAX_DAYS, {
    message: `a report covers at most ${REPORT_MAX_DAYS} days`,
    path: ['to'],
  });
/** A report's period. */
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** The granularity for a period of `days` days. */
export function granularityFor(days: number): ReportGranularity {
  if (days <= 31) return 'day';
  if (days <= 183) return 'week';
  return 'month';
}

const count = z.int().nonnegative();
const outcomeCounts = z.strictObject({ completed: count, restored: count, failed: count });

/** Why a visit did not end completed: a failure cause, or `restored` (put back on the previous bank). */
export const failureKeys = [...failureCauses, 'restored'] as const;
/** A failure key. */
export type FailureKey = (typeof failureKeys)[number];

const labelled = z.strictObject({ key: z.string(), label: z.string(), count });

/** The figures of one period. */
export const serviceReportSchema = z.strictObject({
  period: z.strictObject({ from: plainDateSchema, to: plainDateSchema, zone: z.string() }),
  granularity: z.enum(reportGranularities),
  /** One bucket per day, week (from Monday) or month of the period, the first and last cut to it. */
  outcomes: z.array(z.strictObject({ start: plainDateSchema, ...outcomeCounts.shape })),
  totals: outcomeCounts,
  /** Cases whose first visit outcome fell in the period, by shared/reports/first-time-fix.ts. */
  firstTimeFix: z.strictObject({ counted: count, fixed: count, rate: z.number().min(0).max(1).nullable() }),
  /** Visits that ended in the period: arrival on site to the outcome. */
  onSite: z.strictObject({ visits: count, averageMinutes: z.number().nonnegative().nullable() }),
  failures: z.strictObject({
    byCause: z.array(z.strictObject({ key: z.enum(failureKeys), count })),
    byBank: z.array(labelled),
    byEngineer: z.array(labelled),
    byModel: z.array(labelled),
  }),
});
/** The figures of one period. */
export type ServiceReport = z.infer<typeof serviceReportSchema>;
