// The JSON the CLI prints (`rebind info|params|batch --json`): a presentation of the app's one
// identity and batch (shared/terminal/terminal-identity.ts) in a stable key order, so scripts that
// read them do not depend on the driver's own types.
import type { BatchSummary, TerminalIdentity } from '../../shared/terminal/terminal-identity';
import type { ParameterReadback } from '../main/terminal/driver/rtp-driver';

/** `rebind info --json`: the identity without the protocol version (HELLO only answers RTP/1). */
export type IdentityJson = Omit<TerminalIdentity, 'protocolVersion'>;

/** `rebind params --json`. */
export interface ParamsJson {
  /** Every parameter read, keyed by tag ("A001"), sorted by tag. */
  params: Record<string, string>;
  /** Lower-case hex SHA-256 of the canonical set (volatile A009/A00A left out). */
  digest: string;
}

/** The `info --json` object of a terminal's identity. */
export function identityJson(identity: TerminalIdentity): IdentityJson {
  return {
    vendor: identity.vendor,
    model: identity.model,
    serialNumber: identity.serialNumber,
    firmware: identity.firmware,
    tid: identity.tid,
    mid: identity.mid,
    acquirerId: identity.acquirerId,
    activeSlot: identity.activeSlot,
    activeDigest: identity.activeDigest,
    previousSlot: identity.previousSlot,
    locked: identity.locked,
    maxBody: identity.maxBody,
  };
}

/** The `params --json` object for a GET_PARAMS read-back. */
export function paramsJson(readback: Pick<ParameterReadback, 'params' | 'digestHex'>): ParamsJson {
  const params: Record<string, string> = {};
  for (const key of Object.keys(readback.params).sort()) params[key] = readback.params[key]!;
  return { params, digest: readback.digestHex.toLowerCase() };
}

/** The `batch --json` object: the batch summary in its stable key order. */
export function batchJson(batch: BatchSummary): BatchSummary {
  return {
    count: batch.count,
    totalFen: batch.totalFen,
    reversalPending: batch.reversalPending,
    offlinePending: batch.offlinePending,
    batchNumber: batch.batchNumber,
  };
}
