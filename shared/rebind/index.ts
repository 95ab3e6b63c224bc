// The rebinding engine's shared shapes: steps, live events, outcomes, work orders, parameter files,
// bank templates and the recovery decision table. Pure: the main process and the On-site view use them.
export { BANK_TEMPLATE_FORMAT, bankTemplateSchema, merchantFieldTags, merchantValuesSchema, mergeBankTemplate, parseBankTemplate, templateAcceptsModel, templateFieldTags } from './bank-template';
export type { BankTemplate, FieldProblem, MergeResult, MerchantValues } from './bank-template';
export { checkParameterFile, describeProblems, sortedRecord } from './parameter-file';
export type { ParameterFileResult } from './parameter-file';
export { rebindEventSchema, recoveryActions, stepProgressSchema } from './rebind-events';
export type { RebindEvent, RebindEventListener, RecoveryAction, StepProgress } from './rebind-events';
export { linkLogKinds, rebindOutcomes, rebindOutcomeSchema, rebindReasons } from './rebind-outcome';
export type { RebindOutcome, RebindOutcomeKind, RebindReason } from './rebind-outcome';
export { forwardSteps, rebindSteps, rebindStepSchema, stepLabels, stepRecordSchema, stepStatuses, stepStatusSchema } from './rebind-steps';
export type { RebindStep, StepRecord, StepStatus } from './rebind-steps';
export { decideRecovery } from './recovery-decision';
export type { RecoveryDecision, RecoveryInput, RecoveryMode, TerminalSlotView } from './recovery-decision';
export { rebindAuditActions, rebindAuditEntity } from './rebind-audit';
export type { RebindAuditAction } from './rebind-audit';
export { checkWorkOrder, describeMismatch, overrideReasonMinLength, workOrderFields, workOrderSchema } from './work-order';
export type { IdentityForWorkOrder, WorkOrder, WorkOrderField, WorkOrderMismatch } from './work-order';
