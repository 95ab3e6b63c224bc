// The audit actions the rebinding engine records (docs/security.md §7), so the renderer can label
// them and tests can refer to them without string typos.

/** Actions of the rebinding engine; the entity is `rebind-operation` with the operation id. */
export const rebindAuditActions = {
  started: 'rebind.started',
  identified: 'rebind.identified',
  workOrderOverridden: 'rebind.work-order-overridden',
  sessionStarted: 'rebind.session-started',
  stepStarted: 'rebind.step-started',
  stepFinished: 'rebind.step-finished',
  backupStored: 'rebind.backup-stored',
  batchExported: 'rebind.batch-exported',
  outcome: 'rebind.outcome',
  closed: 'rebind.closed',
  abandoned: 'rebind.abandoned',
  /** Another process took over an operation whose owner was gone (docs/rebind-engine.md §3.3). */
  takenOver: 'rebind.taken-over',
  /** Parameter sets journaled before their secret tags were encrypted, sealed at open (entity: the journal). */
  paramsSealed: 'rebind.params-sealed',
} as const;

/** One of the rebinding engine's audit actions. */
export type RebindAuditAction = (typeof rebindAuditActions)[keyof typeof rebindAuditActions];

/** The audit entity type of a rebind operation. */
export const rebindAuditEntity = 'rebind-operation';
