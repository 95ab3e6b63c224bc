// The checklist's audit actions; the Audit page names each in both languages (shared/audit/audit-catalog.ts).
export const checklistAuditActions = {
  /** The shipped templates (resources/checklists/), loaded into an install that has none. */
  templatesLoaded: 'checklist-template.samples-loaded',
  /** An admin's edit: a new version of a bank's template (old versions stay). */
  templateVersionCreated: 'checklist-template.version-created',
  runStarted: 'checklist-run.started',
  /** One answer (each its own entry and transaction); `replaces` names the answer it supersedes. */
  answerGiven: 'checklist-run.answered',
  evidenceAdded: 'checklist-run.evidence-added',
  /** The automatic steps read again from the rebind journal (only steps whose facts changed get a new answer). */
  automaticFilled: 'checklist-run.automatic-filled',
  /** The outcome: the run ends, the appointment is done, the case moves (same transaction). */
  runFinished: 'checklist-run.finished',
} as const;
