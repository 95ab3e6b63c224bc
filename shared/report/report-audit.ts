// The service report's audit actions; the Audit page names each in both languages (shared/audit/audit-catalog.ts).
export const reportAuditActions = {
  /**
   * A report issued: its number, case, terminal, the content's fingerprint and the PDF's SHA-256
   * and size, and the report it supersedes. The chain holding the PDF's hash is what verify trusts.
   */
  issued: 'service-report.issued',
} as const;
