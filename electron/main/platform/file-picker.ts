/** Asks the user for a file. Electron shows native dialogs; tests answer with prepared paths. */
export interface FilePicker {
  /** Where to save a new backup; null when the user cancels. */
  chooseBackupTarget(suggestedName: string): Promise<string | null>;
  /** Which backup file to restore; null when the user cancels. */
  chooseBackupSource(): Promise<string | null>;
  /** Where to save an exported link log; null when the user cancels. */
  chooseLinkLogTarget(suggestedName: string): Promise<string | null>;
  /** Where to save an audit log export (CSV); null when the user cancels. */
  chooseAuditExportTarget(suggestedName: string): Promise<string | null>;
  /** Which merchants or terminals CSV file to import; null when the user cancels. */
  chooseCsvSource(): Promise<string | null>;
  /** Where to save a merchants or terminals CSV export; null when the user cancels. */
  chooseCsvTarget(suggestedName: string): Promise<string | null>;
}
