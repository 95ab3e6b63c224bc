import { readFileSync, writeFileSync } from 'node:fs';
import { templateParameterSet } from '../../../shared/rebind/bank-template';
import { checkParameterFile } from '../../../shared/rebind/parameter-file';
import { merchantInputSchema } from '../../../shared/rebind/rebind-ipc';
import { workOrderSchema } from '../../../shared/rebind/work-order';
import type { WorkOrder } from '../../../shared/rebind/work-order';
import { loadBankTemplates } from '../../main/rebind/bank-templates';
import { createRebindEngine } from '../../main/rebind/rebind-engine';
import { cliDataDir, exitCodeFor, openHeldDatabase, outcomeJson, outcomeLines, progressPrinter } from '../rebind-cli-support';
import { serialTerminalAccess } from '../../main/terminal/driver/serial-terminal-access';
import { linkLogToJsonLines } from '../../main/terminal/link/link-log-export';
import { createMemoryLogSink } from '../../main/terminal/link/link-log';
import { currentCliActor } from '../cli-actor';
import { openCliKeys } from '../cli-keyring';
import { UsageError, type CliIo } from '../cli-io';
import { handleInterrupts } from '../interrupt';
import { intOption, parseOptions, requireOption } from '../parse-options';
import { defaultTemplatesDir } from '../templates-dir';

/** The CLI's operator name in the journal and the audit log. */
const CLI_ACTOR = currentCliActor();

/**
 * `rebind run --port PATH (--template ID (--tid --mid --name --mcc | --merchant FILE) | --params FILE)
 * [--expect-serial SN] [--expect-tid TID] [--expect-model M] [--override-reason TEXT] [--case REF]
 * [--templates DIR] [--baud N] [--data-dir DIR] [--log FILE] [--json]`: the journaled rebind of
 * docs/rebind-engine.md, with the new set from a bank template and the merchant's values (merged
 * and checked as the On-site view does) or from a full tag map. Exit 0 rebound (also "already on
 * the new set"), 3 restored, 4 needs attention, 5 refused, 2 bad input, 1 error. Ctrl-C cancels at
 * the next safe point; a second Ctrl-C stops at once (exit 130), leaving the operation to recovery.
 */
export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    port: { type: 'string' },
    params: { type: 'string' },
    template: { type: 'string' },
    templates: { type: 'string' },
    merchant: { type: 'string' },
    tid: { type: 'string' },
    mid: { type: 'string' },
    name: { type: 'string' },
    mcc: { type: 'string' },
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
  const baudRate = intOption(options.baud, 'baud', 115200, 300, 921_600);
  const params = newParameterSet(options);
  const workOrder = parseWorkOrder({
    caseRef: options.case,
    expectedSerial: options['expect-serial'],
    expectedTid: options['expect-tid'],
    expectedModel: options['expect-model'],
    override: options['override-reason'] === undefined ? undefined : { reason: options['override-reason'] },
  });
  const dataDir = cliDataDir(options['data-dir']);
  const held = openHeldDatabase(dataDir, 'rebind run');
  const db = held.db;
  let operationId: number | null = null;
  const interrupts = handleInterrupts(io, { command: 'run', recoverCommand: `rebind recover --port ${port} --data-dir ${dataDir}`, operationId: () => operationId });
  const printProgress = progressPrinter((line) => io.err(line));
  try {
    // The data keys (a passphrase when the app keeps them in the OS keychain) before the terminal is touched.
    const encryption = await openCliKeys(db, dataDir, io);
    const engine = createRebindEngine({ connection: () => db, encryption });
    // The session's link lines, for --log and the count in --json (the journal keeps them too).
    const linkLog = createMemoryLogSink(50_000);
    const outcome = await engine.run({
      terminal: serialTerminalAccess(port, { baudRate }),
      params,
      workOrder,
      actor: CLI_ACTOR,
      signal: interrupts.signal,
      linkLog,
      onEvent: (event) => {
        if (event.type === 'operation') operationId = event.operationId;
        printProgress(event);
      },
    });
    if (options.log !== undefined) writeFileSync(options.log, linkLogToJsonLines(linkLog.entries()));
    if (options.json === true) io.out(JSON.stringify(outcomeJson(outcome, linkLog.entries().length), null, 2));
    else for (const line of outcomeLines(outcome)) io.out(line);
    return exitCodeFor(outcome);
  } finally {
    interrupts.dispose();
    held.close();
  }
}

type RunOptions = Partial<Record<'params' | 'template' | 'templates' | 'merchant' | 'tid' | 'mid' | 'name' | 'mcc', string>>;

/** The set to stage: a full tag map (--params), or a bank template merged with the merchant's values (exit 2 on any problem, nothing sent). */
function newParameterSet(options: RunOptions): Record<string, string> {
  const merchantFlags = (['tid', 'mid', 'name', 'mcc'] as const).filter((k) => options[k] !== undefined);
  if (options.params !== undefined) {
    if (options.template !== undefined || options.merchant !== undefined || merchantFlags.length > 0) {
      throw new UsageError('--params is a full tag map: give either --params FILE, or --template ID with the merchant\'s values, not both');
    }
    return readParameterFile(options.params);
  }
  if (options.template === undefined) throw new UsageError('give --template ID with the merchant\'s values (--tid --mid --name --mcc, or --merchant FILE), or --params FILE with a full tag map');
  if (options.merchant !== undefined && merchantFlags.length > 0) throw new UsageError(`give the merchant's values either in --merchant FILE or as --${merchantFlags[0]} and the other flags, not both`);
  const merchant = options.merchant !== undefined ? readMerchantFile(options.merchant) : { tid: options.tid ?? '', mid: options.mid ?? '', name: options.name ?? '', mcc: options.mcc ?? '' };
  const parsed = merchantInputSchema.safeParse(merchant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`the merchant's ${issue?.path.join('.') || 'values'}: ${issue?.message ?? 'invalid'}`);
  }
  const dir = options.templates ?? defaultTemplatesDir();
  const loaded = loadBankTemplates(dir);
  // The same merge and checks as the On-site view (onsite-service.ts): one function for both.
  const merged = templateParameterSet(loaded.templates, options.template, parsed.data);
  if (merged.ok) return merged.params;
  if (merged.unknownTemplate) {
    const refused = loaded.refused.map((r) => `\n  (${r.file} was refused: ${r.problems[0]?.message ?? 'invalid'})`).join('');
    throw new UsageError(`there is no bank template "${options.template}" in ${dir}; known: ${merged.known.join(', ') || 'none'}${refused}`);
  }
  throw new UsageError(`template "${options.template}" with these merchant values is not a valid set (nothing was sent):\n${merged.problems.map((p) => `  ${p.message}`).join('\n')}`);
}

/** Reads --merchant FILE: {"tid": …, "mid": …, "name": …, "mcc": …}. */
function readMerchantFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --merchant ${path}: ${(error as Error).message}`);
  }
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    return typeof json === 'object' && json !== null ? { tid: '', mid: '', name: '', mcc: '', ...json } : json;
  } catch (error) {
    throw new UsageError(`--merchant ${path} is not JSON: ${(error as Error).message}`);
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
