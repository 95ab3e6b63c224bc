// What a report is assembled from, besides the checklist run: the case's merchant, terminal, banks,
// the appointment's engineer and the rebind operation's journal row. Read only, by SQL, like the
// checklist's journal reader: the report never needs the data key (it shows no encrypted field and
// only the clear tags of the parameter set).

/** The desk's side of a visit. */
export interface VisitFacts {
  caseId: string;
  merchant: { id: string; name: string; address: string | null; contactName: string | null };
  terminal: { id: string; vendor: string | null; model: string | null; serial: string; firmware: string | null; tid: string; mid: string; currentBank: string };
  targetBank: { code: string; name: string };
  /** The terminal record's bank, when it is not the target (the bank it left). */
  currentBankName: string | null;
  appointment: { id: string; startsAt: string; endsAt: string; engineerUsername: string; engineerName: string };
}

/** The rebind operation of the case, as the journal row keeps it. */
export interface OperationFacts {
  id: number;
  outcome: 'rebound' | 'restored' | 'needs-attention' | null;
  /** HELLO at identify (shared/terminal/terminal-identity.ts), or null before identify ran. */
  identity: Record<string, unknown> | null;
  digestBefore: string | null;
  targetDigest: string;
  finalDigest: string | null;
  /** The new set's clear tags (TID A001, MID A002, acquirer A010 …); secret tags are sealed elsewhere. */
  targetClearTags: Record<string, string>;
}

export interface ReportSources {
  /** The visit of `appointmentId`; undefined when the appointment is gone. */
  visit(appointmentId: string): VisitFacts | undefined;
  operation(id: number): OperationFacts | undefined;
  /** The case's finished checklist runs, oldest first. */
  finishedRunsOfCase(caseId: string): { runId: string; appointmentId: string; finishedAt: string; outcome: 'completed' | 'restored' | 'failed' }[];
  /** The display name of an operator by username (for the issuer); the username when unknown. */
  displayName(username: string): string;
}
