// The canonical form of a report's content: the text its fingerprint is the SHA-256 of. It is the
// audit chain's canonical JSON (sorted keys, no whitespace) behind a line naming the format, so an
// auditor can recompute a fingerprint with any JSON library and sha256sum, and a future format
// can never collide with this one. Signature strokes are part of the content, hence of the text.
import { canonicalJson } from '../audit/canonical-json';
import type { ServiceReportContent } from './service-report';

/** The first line of the canonical text. */
export const CANONICAL_REPORT_HEADER = 'rebinddesk-service-report/1';

/** The text whose UTF-8 bytes' SHA-256 is the report's fingerprint. */
export function canonicalReportText(content: ServiceReportContent): string {
  return `${CANONICAL_REPORT_HEADER}\n${canonicalJson(content)}`;
}
