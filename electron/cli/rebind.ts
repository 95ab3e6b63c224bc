// `rebind`: the command line for depot benches and serial engineers. Runs under plain Node.
import { exitCodes, reportError, UsageError, type CliIo } from './cli-io';
import { auditCommand } from './commands/audit';
import { portsCommand } from './commands/ports';
import { batchCommand, infoCommand, paramsCommand } from './commands/read-commands';
import { recoverCommand } from './commands/recover';
import { runCommand } from './commands/run';
import { simulateCommand } from './commands/simulate';

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; usage: string }> = {
  ports: { run: portsCommand, usage: 'rebind ports [--json]' },
  info: { run: infoCommand, usage: 'rebind info --port PATH [--baud N] [--json]' },
  params: { run: paramsCommand, usage: 'rebind params --port PATH [--baud N] [--json]' },
  batch: { run: batchCommand, usage: 'rebind batch --port PATH [--baud N] [--json]' },
  simulate: {
    run: (args, io) => simulateCommand(args, io),
    usage: 'rebind simulate --link PATH [--state FILE] [--baud N] [--latency-ms N] [--faults SPEC]',
  },
  run: {
    run: runCommand,
    usage:
      'rebind run --port PATH --params FILE [--expect-serial SN] [--expect-tid TID] [--expect-model M] [--override-reason TEXT] [--case REF] [--baud N] [--data-dir DIR] [--log FILE] [--json]',
  },
  recover: {
    run: recoverCommand,
    usage: 'rebind recover --port PATH [--restore] [--baud N] [--data-dir DIR] [--log FILE] [--json] | --list | --abandon REASON --operation N',
  },
  audit: { run: auditCommand, usage: 'rebind audit verify --data-dir DIR [--expect-head SEQ:HASH] [--json]' },
};

const usage = ['Usage:', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const json = args.includes('--json');
  if (!name || name === '--help' || name === 'help') {
    io.out(usage);
    return name ? exitCodes.ok : exitCodes.usage;
  }
  const command = commands[name];
  if (!command) {
    reportError(io, json, 'usage', `unknown command "${name}"\n${usage}`);
    return exitCodes.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      reportError(io, json, 'usage', `${error.message}\n  ${command.usage}`);
      return exitCodes.usage;
    }
    // Link and driver errors carry a kind (link-failure, link-timeout, terminal-refused, …).
    const kind = (error as { kind?: unknown }).kind;
    reportError(io, json, typeof kind === 'string' ? kind : 'error', error instanceof Error ? error.message : String(error));
    return exitCodes.failure;
  }
}

/** Entry point when run as a program. */
export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
  process.exitCode = code;
}
