// What `rebind recover` says about a terminal its data directory has no open rebind for. Usually
// nothing is left to do; but a terminal that keeps an unconfirmed previous set (HELLO F009 = 1) is
// half-bound by a rebind this journal never saw (another laptop, another data directory, a
// mistyped --data-dir): that is not "nothing to recover", and the engineer must hear what is known.
import type { HelloIdentity } from '../terminal/driver/terminal-identity';

/** The report: exit code (0 nothing to recover, 4 needs attention), the lines and the JSON. */
export interface TerminalWithoutOperationReport {
  code: 0 | 4;
  lines: string[];
  json: Record<string, unknown>;
}

/** Builds the report for a terminal that has no open operation in `dataDir` (`hasDatabase` false: there is no database there at all). */
export function terminalWithoutOperation(identity: HelloIdentity, where: { dataDir: string; hasDatabase: boolean; portPath: string }): TerminalWithoutOperationReport {
  const journal = where.hasDatabase ? `the journal in ${where.dataDir} has no open rebind for it` : `${where.dataDir} holds no RebindDesk database (none was created)`;
  const terminal = {
    serialNumber: identity.serialNumber,
    vendor: identity.vendor,
    model: identity.model,
    tid: identity.tid,
    mid: identity.mid,
    acquirerId: identity.acquirerId,
    activeSlot: identity.activeSlot,
    activeDigest: identity.activeDigestHex,
    previousSlot: identity.previousSlot,
    locked: identity.locked,
  };
  if (!identity.previousSlot) {
    const message = `Terminal ${identity.serialNumber} has no interrupted rebind here and keeps no unconfirmed set: nothing to recover.`;
    return { code: 0, lines: [message, `  (${journal})`], json: { outcome: null, reason: 'nothing-to-recover', message, terminal, database: where.hasDatabase } };
  }
  const message = `Terminal ${identity.serialNumber} keeps an unconfirmed previous set (F009 = 1), but ${journal}: a rebind started elsewhere did not finish.`;
  const known = [
    `The terminal is a ${identity.vendor} ${identity.model}, serial ${identity.serialNumber}, TID ${identity.tid}, MID ${identity.mid}, acquirer ${identity.acquirerId}.`,
    `Its active set is ${identity.activeDigestHex} (slot ${identity.activeSlot}).`,
    'It keeps an unconfirmed previous set in the other slot (F009 = 1), most likely the old bank’s set; nothing was sent that changes the terminal.',
  ];
  const nextSteps = [
    `Recover it with the data directory of the first run: rebind recover --port ${where.portPath} --data-dir <that directory> (or Resume / Restore on the laptop that started it).`,
    'Do not start a new rebind of this terminal until it reports no previous set: committing now would overwrite the kept set.',
  ];
  return {
    code: 4,
    lines: [`NEEDS-ATTENTION (unconfirmed-set): ${message}`, ...known.map((k) => `  known: ${k}`), ...nextSteps.map((n) => `  next:  ${n}`)],
    json: { outcome: 'needs-attention', reason: 'unconfirmed-set', message, known, nextSteps, terminal, database: where.hasDatabase, operationId: null },
  };
}
