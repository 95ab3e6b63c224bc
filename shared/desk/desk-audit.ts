// The audit actions of the desk's records: reference data, merchants and terminals, cases and
// appointments. The Audit page names each in both languages (shared/audit/audit-catalog.ts).
export const deskAuditActions = {
  bankCreated: 'bank.created',
  bankUpdated: 'bank.updated',
  modelCreated: 'terminal-model.created',
  modelUpdated: 'terminal-model.updated',
  compatibilityCreated: 'compatibility.created',
  compatibilityUpdated: 'compatibility.updated',
  engineerCreated: 'engineer.created',
  engineerUpdated: 'engineer.updated',
  /** The shipped sample banks, models and compatibility, loaded into an empty install. */
  samplesLoaded: 'reference.samples-loaded',
  merchantCreated: 'merchant.created',
  merchantUpdated: 'merchant.updated',
  terminalCreated: 'terminal.created',
  terminalUpdated: 'terminal.updated',
  /** A CSV file imported in one operation (app or `rebind import`). */
  merchantsImported: 'merchant.imported',
  terminalsImported: 'terminal.imported',
  /** An export with the clear ID and account numbers (`--include-sensitive`); masked exports are not audited. */
  merchantsExportedSensitive: 'merchant.exported-sensitive',
  // Booking (electron/main/desk/booking/): each moves the case in the same operation.
  appointmentBooked: 'appointment.booked',
  appointmentRescheduled: 'appointment.rescheduled',
  appointmentCancelled: 'appointment.cancelled',
  /** The rebind's outcome on site moved the appointment's case (rebound, or failed with its reason). */
  visitOutcome: 'appointment.visit-outcome',
  // Cases (electron/main/desk/cases/): every transition is one `case.transitioned` entry naming
  // the action, the states, the actor's reason; the others say what was recorded on the case.
  caseOpened: 'case.opened',
  caseTransitioned: 'case.transitioned',
  caseMaterialUpdated: 'case.material-updated',
  caseReviewed: 'case.reviewed',
  caseAgreementRecorded: 'case.agreement-recorded',
  caseAttachmentAdded: 'case.attachment-added',
} as const;
