// The layers of electron/main (docs/main-layers.md), written once: eslint.config.js turns them into
// no-restricted-imports patterns, and scripts/lint-layers.mjs checks the resolved import graph
// against them and prints it.

/** Bottom layer: storage, files and the operating system. No feature, no IPC. */
const infrastructure = ['fs', 'platform', 'logging', 'db'];

/**
 * Each folder of electron/main and the folders it may import (besides shared/, its own folder and
 * the two base files app-error.ts and data-dir.ts). A folder not listed here is refused by the
 * graph check until it is placed.
 */
export const mainFolders = {
  fs: [],
  platform: ['fs'],
  logging: ['fs'],
  db: ['fs', 'platform'],
  // Feature services, each above the features it names: the audit log is the lowest, the
  // terminal sits below the rebinding engine, and On-site drives both.
  audit: [...infrastructure],
  crypto: [...infrastructure, 'audit'],
  auth: [...infrastructure, 'audit', 'crypto'],
  settings: [...infrastructure, 'audit'],
  backup: [...infrastructure, 'audit'],
  // The desk (issue 10): reference data, merchants, terminals, cases, booking, one subfolder per
  // aggregate, and the CSV import and export (desk/csv/). Below the terminal: port recognition reads
  // its models, and the rebind's outcome moves its case.
  desk: [...infrastructure, 'audit', 'crypto'],
  // The on-site checklist (issue 11): its answers, evidence in the desk's attachment store, the
  // outcome moving the desk's appointment and case; the rebind journal read by SQL, read only.
  checklist: [...infrastructure, 'audit', 'crypto', 'desk'],
  // The Reports page and the compliance report (issue 11 point 4): aggregates by SQL over the desk's
  // cases and the checklist's runs, the audit log read for the period, the chain verified.
  reports: [...infrastructure, 'audit', 'desk', 'checklist'],
  terminal: [...infrastructure, 'audit', 'crypto', 'desk'],
  rebind: [...infrastructure, 'audit', 'crypto', 'desk', 'terminal'],
  onsite: [...infrastructure, 'audit', 'crypto', 'desk', 'terminal', 'rebind'],
  // The service report (issue 11 point 3): assembled from the case, appointment, checklist run and
  // rebind journal (read by SQL), its PDF in the desk's attachment store, its QR code from auth.
  report: [...infrastructure, 'audit', 'crypto', 'auth', 'desk', 'checklist'],
  app: [...infrastructure],
  // The IPC adapter: the router, the event bus and the Electron wrapper, above every service.
  ipc: [...infrastructure, 'audit', 'crypto', 'auth', 'settings', 'backup', 'desk', 'checklist', 'reports', 'terminal', 'rebind', 'onsite', 'report', 'app'],
  // Training mode (issue 11 point 5): above ipc/, because it seeds the training file through the
  // same handlers the training windows call (composed over that file in main-context.ts).
  training: [...infrastructure, 'audit', 'auth', 'ipc'],
  // The window and its hardening; only index.ts imports it.
  security: [],
};

/** Files directly in electron/main that every layer may import. */
export const baseFiles = ['app-error', 'data-dir'];

/** Files directly in electron/main at the top: the composition roots, which nothing imports. */
export const topFiles = ['main-context', 'index'];

/**
 * A feature's module file (`<feature>/<name>-module.ts`): the feature's IPC handlers and the
 * wiring of its services. It stands between ipc/ and main-context.ts, so it may import ipc/ and
 * any feature; nothing but main-context.ts imports it.
 */
export const moduleFileSuffix = '-module';

/** The only files that may import Electron (everything else runs and is tested without it). */
export const electronFiles = [
  'electron/main/index.ts',
  'electron/main/security/app-window.ts',
  'electron/main/security/window-security.ts',
  'electron/main/security/app-menu.ts',
  'electron/main/security/packaged-hardening.test.ts',
  'electron/main/ipc/electron-ipc.ts',
  'electron/main/platform/electron-file-picker.ts',
  'electron/main/platform/electron-print-view.ts',
  'electron/main/crypto/safe-storage-protector.ts',
  'electron/preload/index.ts',
];

/** Folders the given folder may not import (every main folder it does not list, but itself). */
export function forbiddenFor(folder) {
  const allowed = new Set([folder, ...(mainFolders[folder] ?? [])]);
  return Object.keys(mainFolders).filter((other) => !allowed.has(other));
}
