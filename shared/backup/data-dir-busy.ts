// Why a restore (or a process opening the data directory) is refused because of another process:
// the IPC envelope's `reason`, which the renderer translates (errors.reasons).

/** The reasons, in the order they are checked. */
export const dataDirBusyReasons = ['restore-in-progress', 'data-dir-in-use', 'rebind-operation-open'] as const;

/** One of them. */
export type DataDirBusyReason = (typeof dataDirBusyReasons)[number];
