import { writeFileSync } from 'node:fs';
import { createRebindEngine } from '../../main/rebind/rebind-engine';
import { cliDataDir, exitCodeFor, openHeldDatabase, outcomeJson, outcomeLines, progressPrinter } from '../../main/rebind/rebind-cli-support';
import type { OperationRow } from '../../main/rebind/rebind-store';
import { serialTerminalAccess } from '../../main/rebind/serial-terminal-access';
import { linkLogToJsonLines } from '../../main/terminal/link/link-log-export';
import { currentCliActor } from '../cli-actor';
import { exitCodes, UsageError, type CliIo } from '../cli-io';
import { intOption, parseOptions, requireOption } from '../parse-options';

/** The CLI's operator name in the journal and the audit log. */
const CLI_ACTOR = currentCliActor();

/**
 * `rebind recover --port PATH [--restore] [--baud N] [--data-dir DIR] [--log FILE] [--json]`
 * finishes (default) or undoes (--restore) the interrupted rebind of the terminal on PATH, after
 * asking it which set is active. `rebind recover --list` shows open operations;
 * `rebind recover --abandon REASON --operation N` closes one by hand (audited, backup kept).
 * Exit 0 rebound or nothing to recover, 3 restored, 4 needs attention, 2 bad input, 1 error.
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
  const held = openHeldDatabase(cliDataDir(options['data-dir']), 'rebind recover');
  const db = held.db;
  try {
    const engine = createRebindEngine({ connection: () => db });
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
    const outcome = await engine.recover({
      terminal: serialTerminalAccess(port, { baudRate }),
      mode: options.restore === true ? 'restore' : 'resume',
      actor: CLI_ACTOR,
      onEvent: progressPrinter((line) => io.err(line)),
    });
    if (outcome === null) {
      const others = engine.interrupted(CLI_ACTOR);
      if (json) io.out(JSON.stringify({ outcome: null, open: others.map(summary) }, null, 2));
      else {
        io.out('The terminal on this port has no interrupted rebind: nothing to recover.');
        for (const op of others) io.out(`  still open: ${describe(op)}`);
      }
      return exitCodes.ok;
    }
    if (options.log !== undefined) writeFileSync(options.log, linkLogToJsonLines(outcome.linkLog));
    if (json) io.out(JSON.stringify(outcomeJson(outcome), null, 2));
    else for (const line of outcomeLines(outcome)) io.out(line);
    return exitCodeFor(outcome);
  } finally {
    held.close();
  }
}

function summary(op: OperationRow): Record<string, unknown> {
  return { operationId: op.id, serialNumber: op.serialNumber, phase: op.phase, port: op.portPath, startedAt: op.createdAt, outcome: op.outcome, reason: op.reason };
}

function describe(op: OperationRow): string {
  return `#${op.id} terminal ${op.serialNumber ?? '?'} on ${op.portPath}, stopped at "${op.phase}" (started ${op.createdAt})${op.outcome === null ? '' : `, last outcome ${op.outcome}/${op.reason ?? ''}`}`;
}
