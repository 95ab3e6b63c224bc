import { createHash } from 'node:crypto';
import { canonicalReportText } from '../../../shared/report/report-canonical';
import type { ServiceReportContent } from '../../../shared/report/service-report';

/** The fingerprint: SHA-256 (lower-case hex) of the canonical text's UTF-8 bytes. */
export function reportFingerprint(content: ServiceReportContent): string {
  return createHash('sha256').update(canonicalReportText(content), 'utf8').digest('hex');
}
