// The RTP/1 driver: typed commands over the host link.
export { batchNeedsSettling } from './batch';
export type { BatchSummary, SettleResult } from './batch';
export type { HostTestResult, SlotState } from './host-test';
export type { JournalRecord } from './journal';
export { RtpDriver } from './rtp-driver';
export type { ParameterReadback, RebootOptions, RtpDriverOptions, StagedSet, StageOptions, StageProgress } from './rtp-driver';
export { maxChunkLength, planStageChunks, putStageBodySize } from './stage-plan';
export type { StageChunk } from './stage-plan';
export { toTerminalIdentity } from './terminal-identity';
export type { HelloIdentity } from './terminal-identity';
