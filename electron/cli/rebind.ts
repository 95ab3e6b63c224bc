// `rebind`: the command line for depot benches and serial engineers. Runs under plain Node.
import { exitCodes, interruptedExitCode, reportError, UsageError, type CliIo } from './cli-io';
import { auditCommand } from './commands/audit';
import { exportCommand, importCommand } from './commands/desk-csv';
import { portsCommand } from './commands/ports';
import { batchCommand, infoCommand, paramsCommand } from './commands/read-commands';
import { recoverCommand } from './commands/recover';
import { reportCommand } from './commands/report';
import { runCommand } from './commands/run';
import { simulateCommand } from './commands/simulate';

type Command = (args: string[], io: CliIo) => Promise<number>;

// `readOnly` commands never change a terminal or the journal: Ctrl-C just says so and stops.
const commands: Record<string, { run: Command; usage: string; about?: string; readOnly?: true }> = {
  ports: { run: portsCommand, usage: 'rebind ports [--json]', readOnly: true },
  info: { run: infoCommand, usage: 'rebind info --port PATH [--baud N] [--json]', readOnly: true },
  params: { run: paramsCommand, usage: 'rebind params --port PATH [--baud N] [--json]', readOnly: true },
  batch: { run: batchCommand, usage: 'rebind batch --port PATH [--baud N] [--json]', readOnly: true },
  simulate: {
    run: (args, io) => simulateCommand(args, io),
    usage: 'rebind simulate --link PATH [--state FILE] [--baud N] [--latency-ms N] [--faults SPEC]',
  },
  run: {
    run: runCommand,
    usage:
      'rebind run --port PATH (--template ID (--tid TID --mid MID --name NAME --mcc MCC | --merchant FILE) | --params FILE) [--templates DIR] [--expect-serial SN] [--expect-tid TID] [--expect-model M] [--override-reason TEXT] [--case REF] [--baud N] [--data-dir DIR] [--log FILE] [--json]',
    about: [
      'Rebinds the terminal on PATH to a new bank, journaled in the data directory (the app\'s, or --data-dir / REBINDDESK_DATA_DIR).',
      'The new set is a bank template (resources/bank-templates, or --templates DIR) merged with the merchant\'s values, checked as the On-site view checks them;',
      '--merchant FILE is {"tid": …, "mid": …, "name": …, "mcc": …}. --params FILE is a full map of RTP/1 tags instead.',
      'Exit codes: 0 rebound (also: already on the new set, nothing changed), 1 error, 2 bad input, 3 restored, 4 needs attention, 5 refused (nothing changed).',
      'Ctrl-C cancels at the next safe point; a second Ctrl-C stops at once (exit 130) and leaves the operation to rebind recover.',
    ].join('\n'),
  },
  recover: {
    run: recoverCommand,
    usage: 'rebind recover --port PATH [--restore] [--baud N] [--data-dir DIR] [--log FILE] [--json] | --list | --abandon REASON --operation N',
    about: [
      'Finishes (default) or undoes (--restore) the interrupted rebind of the terminal on PATH, after asking it which set is active.',
      'A data directory without a database is not given one; a terminal that keeps an unconfirmed set this data directory has no operation for exits 4.',
      'Exit codes: 0 rebound or nothing to recover, 1 error, 2 bad input, 3 restored, 4 needs attention, 5 refused. Ctrl-C during a resume undoes it at the next safe point.',
    ].join('\n'),
  },
  audit: { run: auditCommand, usage: 'rebind audit verify --data-dir DIR [--expect-head SEQ:HASH] [--json]', readOnly: true },
  report: {
    run: reportCommand,
    usage: 'rebind report verify FILE [--data-dir DIR] [--json]',
    about: [
      'Says whether FILE is a service report issued in the data directory (the app\'s, or --data-dir / REBINDDESK_DATA_DIR), unchanged:',
      'which report, case, terminal, who issued it and when. Read only. Words in Chinese when LANG (or LC_ALL, LC_MESSAGES) starts with zh.',
      'Exit codes: 0 genuine, 1 altered or unknown, 2 the file or the data directory cannot be read.',
    ].join('\n'),
    readOnly: true,
  },
  import: {
    run: importCommand,
    usage: 'rebind import merchants|terminals FILE [--data-dir DIR] [--dry-run] [--json]',
    about: [
      'Imports a CSV file of merchants or terminals (headers in English or Chinese, any order; UTF-8 with or without BOM, or GBK/GB18030) in one transaction.',
      'A file with any bad row imports nothing: every problem is listed with its row as the spreadsheet shows it (header = row 1) and its column.',
      'Exit codes: 0 imported (or, with --dry-run, would import), 2 bad file or usage. --json prints {"imported": N, "encoding": …} or {"problems": [{"row", "column", "message"}]}.',
    ].join('\n'),
  },
  export: {
    run: exportCommand,
    usage: 'rebind export merchants|terminals [--data-dir DIR] [--out FILE] [--encoding utf-8|gbk] [--include-sensitive]',
    about: [
      'Writes the merchants or terminals as CSV with English headers, UTF-8 with BOM (default) or GBK, to FILE or standard output.',
      'ID and account numbers are masked to their last 4 unless --include-sensitive, which needs the data keys and is audited. Formula-like cells are defused.',
    ].join('\n'),
  },
};

const usage = ['Usage:', ...Object.values(commands).map((c) => `  ${c.usage}`), '', 'rebind COMMAND --help shows what a command does.'].join('\n');

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const json = args.includes('--json');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name ? exitCodes.ok : exitCodes.usage;
  }
  const command = commands[name];
  if (!command) {
    reportError(io, json, 'usage', `unknown command "${name}"\n${usage}`);
    return exitCodes.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: ${command.usage}${command.about === undefined ? '' : `\n\n${command.about}`}`);
    return exitCodes.ok;
  }
  const stopReading = command.readOnly
    ? io.onInterrupt?.(() => {
        io.err(`rebind ${name}: stopped by Ctrl-C. It only reads, so nothing was changed; run it again when ready.`);
        io.exit?.(interruptedExitCode);
      })
    : undefined;
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
  } finally {
    stopReading?.();
  }
}

/** Entry point when run as a program. */
export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    onInterrupt: (listener) => {
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
    exit: (exitCode) => {
      // stderr is flushed synchronously for pipes and files on POSIX, so the message is out.
      process.exit(exitCode);
    },
  });
  process.exitCode = code;
}
