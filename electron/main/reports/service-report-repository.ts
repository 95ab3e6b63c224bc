import type { FailureKey } from '../../../shared/reports';
import type { ReportBucket } from '../../../shared/reports/report-buckets';

/** Outcome counts of one bucket. */
export interface BucketOutcomes {
  start: string;
  completed: number;
  restored: number;
  failed: number;
}

/** A count under a key, with a label where the key is an id (bank, engineer, model). */
export interface LabelledCount {
  key: string;
  label: string;
  count: number;
}

/** A period as UTC instants, end excluded. */
export interface InstantRange {
  from: string;
  before: string;
}

/** The Reports page's aggregates, each one query over the main database (never the training file). */
export interface ServiceReportRepository {
  /** Finished checklist runs per bucket and outcome. */
  outcomes(buckets: readonly ReportBucket[]): BucketOutcomes[];
  /** Cases whose first visit outcome fell in the range: counted and first-time fixed. */
  firstTimeFix(range: InstantRange): { counted: number; fixed: number };
  /** Visits that ended in the range and their average minutes on site; null average when none. */
  onSite(range: InstantRange): { visits: number; averageMinutes: number | null };
  /** Visits that ended failed or restored in the range, by cause. */
  failuresByCause(range: InstantRange): { key: FailureKey; count: number }[];
  failuresByBank(range: InstantRange): LabelledCount[];
  failuresByEngineer(range: InstantRange): LabelledCount[];
  failuresByModel(range: InstantRange): LabelledCount[];
}
