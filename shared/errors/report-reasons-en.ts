// Why the service report refused something, in English, by code (electron/main/report/). The
// renderer says them in Simplified Chinese from renderer/src/i18n/messages/reasons-zh-cn-report.ts.
export const reportReasonsEnglish = {
  'report-run-not-finished': 'The checklist of this visit is not finished yet. Record its outcome on the On-site page first; a report shows a finished visit only.',
  'report-no-run': 'This appointment has no checklist run, so there is nothing to report. Run the checklist on site first.',
  'report-already-issued': 'Report {number} was already issued for this visit. Open it; to correct it, issue it again with a reason (the new report supersedes it).',
  'report-not-current': 'Report {number} was already superseded by {by}. Issue the correction from the current report.',
  'report-reissue-reason': 'Say in a sentence why the report is issued again (at least {min} characters); the reason is kept with both reports.',
  'report-not-found': 'This report no longer exists here. Reload the case.',
  'report-pdf-missing': 'The PDF of report {number} is missing or damaged in the data directory ({problem}). Restore the data directory from a backup.',
  'report-print-failed': 'The report could not be printed to PDF: {detail}. Nothing was issued; try again.',
  'report-printer-unavailable': 'This installation has no PDF printer for reports. Nothing was issued.',
  'report-conflict': 'Another report was issued for this visit meanwhile ({number}). Reload the case; nothing was issued.',
  'report-file-empty': 'The file is empty. Choose the report PDF itself.',
  'report-problem-missing': 'missing',
  'report-problem-damaged': 'damaged',
} as const;
