import type { ComplianceSection } from '../../../shared/reports';
import type { InstantRange } from './service-report-repository';

/** An audit entry as stored, its payload still JSON text. */
export interface StoredComplianceEntry {
  seq: number;
  time: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  payload: string;
}

/** The audit log's entries of one section in a period, oldest first, at most `limit`. */
export interface ComplianceRepository {
  entries(section: ComplianceSection, range: InstantRange, limit: number): StoredComplianceEntry[];
}
