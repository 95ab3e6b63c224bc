import { writeFileSync } from 'node:fs';
import { createRebindEngine } from '../../main/rebind/rebind-engine';
import { cliDataDir, exitCodeFor, openHeldExistingDatabase, outcomeJson, outcomeLines, progressPrinter } from '../rebind-cli-support';
import type { TerminalAccess } from '../../main/rebind/engine-types';
import type { OperationRow } from '../../main/rebind/rebind-store';
import { serialTerminalAccess } from '../../main/terminal/driver/serial-terminal-access';
import { openLine } from '../../main/rebind/terminal-link';
import { terminalWithoutOperation } from '../../main/rebind/terminal-without-operation';
import { linkLogToJsonLines } from '../../main/terminal/link/link-log-export';
import { createMemoryLogSink } from '../../main/terminal/link/link-log';
import { currentCliActor } from '../cli-actor';
import { openCliKeys } from '../cli-keyring';
import { exitCodes, UsageError, type CliIo } from '../cli-io';
import { handleInterrupts } from '../interrupt';
import { intOption, parseOptions, requireOption } from '../parse-options';

/** The CLI's operator name in the journal and the audit log. */
const CLI_ACTOR = currentCliActor();

/**
 * `rebind recover --port PATH [--restore] [--baud N] [--data-dir DIR] [--log FILE] [--json]`
 * finishes (default) or undoes (--restore) the interrupted rebind of the terminal on PATH, after
 * asking it which set is active. `rebind recover --list` shows open operations;
 * `rebind recover --abandon REASON --operation N` closes one by hand (audited, backup kept).
 * Exit 0 rebound or nothing to recover, 3 restored, 4 needs attention (also: the terminal keeps
 * an unconfirmed set this data directory has no operation for), 5 refused, 2 bad input, 1 error.
 * A data directory without a database is never given one here. Ctrl-C turns a resume into a
 * restore at the next safe point; a second Ctrl-C stops at once (exit 130).
 */
export async function recoverCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    port: { type: 'string' },
    restore: { type: 'boolean' },
    list: { type: 'boolean' },
    abandon: { type: 'string' },
    operation: { type: 'string' },
    baud: { type: 'string' },
    'data-dir': { type: 'string' },
    log: { type: 'string' },
    json: { type: 'boolean' },
  });
  const json = options.json === true;
  const dataDir = cliDataDir(options['data-dir']);
  const held = openHeldExistingDatabase(dataDir, 'rebind recover');
  if (held === null) {
    if (options.abandon !== undefined) throw new UsageError(`${dataDir} holds no RebindDesk database: there is no operation to close. Check --data-dir.`);
    if (options.list === true) {
      if (json) io.out(JSON.stringify({ open: [], database: null }, null, 2));
      else io.out(`No RebindDesk database in ${dataDir}: no rebind was journaled there (check --data-dir).`);
      return exitCodes.ok;
    }
    const port = requireOption(options.port, 'port', '/dev/ttyUSB0');
    const baudRate = intOption(options.baud, 'baud', 115200, 300, 921_600);
    return reportTerminal(io, json, serialTerminalAccess(port, { baudRate }), dataDir, false);
  }
  const db = held.db;
  try {
    // The data keys (a passphrase when the app keeps them in the OS keychain) before the terminal is touched.
    const encryption = await openCliKeys(db, dataDir, io);
    const engine = createRebindEngine({ connection: () => db, encryption });
    // The session's link lines, for --log and the count in --json (the journal keeps them too).
    const linkLog = createMemoryLogSink(50_000);
    if (options.list === true) {
      const open = engine.interrupted(CLI_ACTOR);
      if (json) io.out(JSON.stringify({ open: open.map(summary) }, null, 2));
      else if (open.length === 0) io.out('No interrupted rebind.');
      else for (const op of open) io.out(describe(op));
      return exitCodes.ok;
    }
    if (options.abandon !== undefined) {
      const id = intOption(requireOption(options.operation, 'operation', '12'), 'operation', 0);
      try {
        engine.abandon(id, options.abandon, CLI_ACTOR);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      if (json) io.out(JSON.stringify({ abandoned: id }, null, 2));
      else io.out(`Operation #${id} closed by hand; its backup is kept.`);
      return exitCodes.ok;
    }
    const port = requireOption(options.port, 'port', '/dev/ttyUSB0');
    const baudRate = intOption(options.baud, 'baud', 115200, 300, 921_600);
    const mode = options.restore === true ? 'restore' : 'resume';
    let operationId: number | null = null;
    const interrupts = handleInterrupts(io, { command: mode === 'restore' ? 'recover-restore' : 'recover-resume', recoverCommand: `rebind recover --port ${port} --data-dir ${dataDir}`, operationId: () => operationId });
    const printProgress = progressPrinter((line) => io.err(line));
    let outcome;
    try {
      outcome = await engine.recover({
        terminal: serialTerminalAccess(port, { baudRate }),
        mode,
        actor: CLI_ACTOR,
        signal: interrupts.signal,
        linkLog,
        onEvent: (event) => {
          if (event.type === 'operation') operationId = event.operationId;
          printProgress(event);
        },
      });
    } finally {
      interrupts.dispose();
    }
    if (outcome === null) {
      const others = engine.interrupted(CLI_ACTOR);
      // No operation here for this terminal: ask it whether it keeps a set nobody confirmed.
      return await reportTerminal(io, json, serialTerminalAccess(port, { baudRate }), dataDir, true, others.map(summary), others.map((op) => `  still open: ${describe(op)}`));
    }
    if (options.log !== undefined) writeFileSync(options.log, linkLogToJsonLines(linkLog.entries()));
    if (json) io.out(JSON.stringify(outcomeJson(outcome, linkLog.entries().length), null, 2));
    else for (const line of outcomeLines(outcome)) io.out(line);
    return exitCodeFor(outcome);
  } finally {
    held.close();
  }
}

/** HELLO, and what it means for a terminal this data directory has no open operation for (exit 0 or 4). */
async function reportTerminal(io: CliIo, json: boolean, access: TerminalAccess, dataDir: string, hasDatabase: boolean, open: Record<string, unknown>[] = [], openLines: string[] = []): Promise<number> {
  const connection = await openLine(access, { append: () => undefined });
  let identity;
  try {
    identity = await connection.driver.hello();
  } finally {
    await connection.close();
  }
  const report = terminalWithoutOperation(identity, { dataDir, hasDatabase, portPath: access.path });
  if (json) io.out(JSON.stringify({ ...report.json, open }, null, 2));
  else for (const line of [...report.lines, ...openLines]) io.out(line);
  return report.code;
}

function summary(op: OperationRow): Record<string, unknown> {
  return { operationId: op.id, serialNumber: op.serialNumber, phase: op.phase, port: op.portPath, startedAt: op.createdAt, outcome: op.outcome, reason: op.reason };
}

function describe(op: OperationRow): string {
  return `#${op.id} terminal ${op.serialNumber ?? '?'} on ${op.portPath}, stopped at "${op.phase}" (started ${op.createdAt})${op.outcome === null ? '' : `, last outcome ${op.outcome}/${op.reason ?? ''}`}`;
}
