import type Database from 'better-sqlite3';
import { sealClearParams, type SealedCount } from './seal-clear-params';
import type { ParamsSealer } from './sealed-params';

/**
 * Seals the clear parameter sets of the current database (seal-clear-params.ts), looked up at each
 * call so the app's run after a restore seals the restored file. The CLI calls sealClearParams on
 * its own connection.
 */
export function clearParamsSealingOn(connection: () => Database.Database, sealer: ParamsSealer, now: () => Date): () => SealedCount {
  return () => sealClearParams(connection(), sealer, now);
}
