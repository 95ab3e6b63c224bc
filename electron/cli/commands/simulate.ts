import { runSimulateCommand } from '../../main/terminal/simulator';
import { exitCodes, UsageError, type CliIo } from '../cli-io';
import { intOption, parseOptions, requireOption } from '../parse-options';

/**
 * `rebind simulate --link PATH [--state FILE] [--baud N] [--latency-ms N] [--faults SPEC]`: serves
 * the terminal simulator on a pty whose host side is linked at PATH, until Ctrl-C.
 */
export async function simulateCommand(args: string[], io: CliIo, until: Promise<void> = interrupted()): Promise<number> {
  const options = parseOptions(args, {
    link: { type: 'string' },
    state: { type: 'string' },
    baud: { type: 'string' },
    'latency-ms': { type: 'string' },
    faults: { type: 'string' },
  });
  const link = requireOption(options.link, 'link', '/tmp/rebind-terminal');
  let running;
  try {
    running = await runSimulateCommand(
      {
        link,
        ...(options.state ? { state: options.state } : {}),
        ...(options.baud ? { baud: intOption(options.baud, 'baud', 115200, 300, 921_600) } : {}),
        ...(options['latency-ms'] ? { latencyMs: intOption(options['latency-ms'], 'latency-ms', 0, 0, 10_000) } : {}),
        ...(options.faults ? { faults: options.faults } : {}),
      },
      { log: (line) => io.err(line) },
    );
  } catch (error) {
    // Bad --faults or --state contents are input errors (exit 2), not link errors.
    if (error instanceof Error && /fault spec|state file|--/i.test(error.message)) throw new UsageError(error.message);
    throw error;
  }
  io.err(`Simulated terminal ready: connect the console to ${link} (Ctrl-C stops it).`);
  await until;
  await running.stop();
  return exitCodes.ok;
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
