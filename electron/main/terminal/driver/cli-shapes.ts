// The JSON the CLI prints (`rebind info|params|batch --json`): plain, stable shapes built from the
// driver's results, so scripts that read them do not depend on the driver's own types.
import type { BatchSummary } from './batch';
import type { ParameterReadback } from './rtp-driver';
import type { TerminalIdentity } from './terminal-identity';

/** `rebind info --json`. */
export interface IdentityJson {
  vendor: string;
  model: string;
  serialNumber: string;
  firmware: string;
  tid: string;
  mid: string;
  acquirerId: string;
  activeSlot: 'A' | 'B';
  /** Lower-case hex of the active set's SHA-256. */
  activeDigest: string;
  previousSlot: boolean;
  locked: boolean;
  maxBody: number;
}

/** `rebind params --json`. */
export interface ParamsJson {
  /** Every parameter read, keyed by tag ("A001"), sorted by tag. */
  params: Record<string, string>;
  /** Lower-case hex SHA-256 of the canonical set (volatile A009/A00A left out). */
  digest: string;
}

/** `rebind batch --json`. */
export interface BatchJson {
  count: number;
  totalFen: number;
  reversalPending: boolean;
  /** Offline records waiting for upload (a count; 0 means none). */
  offlinePending: number;
  batchNumber: string;
}

/** The `info --json` object for a HELLO identity. */
export function formatIdentityJson(identity: TerminalIdentity): IdentityJson {
  return {
    vendor: identity.vendor,
    model: identity.model,
    serialNumber: identity.serialNumber,
    firmware: identity.firmware,
    tid: identity.tid,
    mid: identity.mid,
    acquirerId: identity.acquirerId,
    activeSlot: identity.activeSlot,
    activeDigest: identity.activeDigestHex.toLowerCase(),
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

/** The `batch --json` object for a GET_BATCH answer. */
export function batchJson(batch: BatchSummary): BatchJson {
  return {
    count: batch.count,
    totalFen: batch.totalFen,
    reversalPending: batch.reversalPending,
    offlinePending: batch.offlinePending,
    batchNumber: batch.batchNumber,
  };
}
