import { readFileSync, writeFileSync } from 'node:fs';
import { checkParameterFile } from '../../../shared/rebind/parameter-file';
import { workOrderSchema } from '../../../shared/rebind/work-order';
import type { WorkOrder } from '../../../shared/rebind/work-order';
import { createRebindEngine } from '../../main/rebind/rebind-engine';
import { cliDataDir, exitCodeFor, openHeldDatabase, outcomeJson, outcomeLines, progressPrinter } from '../../main/rebind/rebind-cli-support';
import { serialTerminalAccess } from '../../main/rebind/serial-terminal-access';
import { linkLogToJsonLines } from '../../main/terminal/link/link-log-export';
import { currentCliActor } from '../cli-actor';
import { UsageError, type CliIo } from '../cli-io';
import { intOption, parseOptions, requireOption } from '../parse-options';

/** The CLI's operator name in the journal and the audit log. */
const CLI_ACTOR = currentCliActor();

/**
 * `rebind run --port PATH --params FILE [--expect-serial SN] [--expect-tid TID] [--expect-model M]
 * [--override-reason TEXT] [--case REF] [--baud N] [--data-dir DIR] [--log FILE] [--json]`: the
 * journaled rebind of docs/rebind-engine.md. Exit 0 rebound, 3 restored, 4 needs attention,
 * 2 bad input, 1 error.
 */
export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    port: { type: 'string' },
    params: { type: 'string' },
    'expect-serial': { type: 'string' },
    'expect-tid': { type: 'string' },
    'expect-model': { type: 'string' },
    'override-reason': { type: 'string' },
    case: { type: 'string' },
    baud: { type: 'string' },
    'data-dir': { type: 'string' },
    log: { type: 'string' },
    json: { type: 'boolean' },
  });
  const port = requireOption(options.port, 'port', '/dev/ttyUSB0');
  const paramsPath = requireOption(options.params, 'params', 'new-bank.json');
  const baudRate = intOption(options.baud, 'baud', 115200, 300, 921_600);
  const params = readParameterFile(paramsPath);
  const workOrder = parseWorkOrder({
    caseRef: options.case,
    expectedSerial: options['expect-serial'],
    expectedTid: options['expect-tid'],
    expectedModel: options['expect-model'],
    override: options['override-reason'] === undefined ? undefined : { reason: options['override-reason'] },
  });
  const held = openHeldDatabase(cliDataDir(options['data-dir']), 'rebind run');
  const db = held.db;
  try {
    const engine = createRebindEngine({ connection: () => db });
    const outcome = await engine.run({
      terminal: serialTerminalAccess(port, { baudRate }),
      params,
      workOrder,
      actor: CLI_ACTOR,
      onEvent: progressPrinter((line) => io.err(line)),
    });
    if (options.log !== undefined) writeFileSync(options.log, linkLogToJsonLines(outcome.linkLog));
    if (options.json === true) io.out(JSON.stringify(outcomeJson(outcome), null, 2));
    else for (const line of outcomeLines(outcome)) io.out(line);
    return exitCodeFor(outcome);
  } finally {
    held.close();
  }
}

/** Reads and checks a parameter file; every problem names its tag (exit 2). */
function readParameterFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --params ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--params ${path} is not JSON: ${(error as Error).message}`);
  }
  const checked = checkParameterFile(json);
  if (!checked.ok) throw new UsageError(`--params ${path} is not a valid parameter set (nothing was sent):\n${checked.problems.map((p) => `  ${p.message}`).join('\n')}`);
  return checked.params;
}

function parseWorkOrder(input: Record<string, unknown>): WorkOrder {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const parsed = workOrderSchema.safeParse(defined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = issue?.path[0] === 'override' ? '--override-reason' : `the work order (${issue?.path.join('.') ?? ''})`;
    throw new UsageError(`${option}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
