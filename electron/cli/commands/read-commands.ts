import { toTerminalIdentity } from '../../main/terminal/driver';
import { batchJson, identityJson, paramsJson } from '../cli-json';
import { exitCodes, type CliIo } from '../cli-io';
import { intOption, parseOptions, requireOption } from '../parse-options';
import { withTerminal } from '../with-terminal';

const readOptions = { port: { type: 'string' }, baud: { type: 'string' }, json: { type: 'boolean' } } as const;

function target(args: string[]) {
  const options = parseOptions(args, readOptions);
  return {
    port: requireOption(options.port, 'port', '/dev/ttyUSB0'),
    baud: intOption(options.baud, 'baud', 115200, 300, 921_600),
    json: options.json === true,
  };
}

/** `rebind info --port PATH [--baud N] [--json]`: the terminal's identity from HELLO. */
export async function infoCommand(args: string[], io: CliIo): Promise<number> {
  const { port, baud, json } = target(args);
  const identity = identityJson(toTerminalIdentity(await withTerminal(port, baud, (driver) => driver.hello())));
  if (json) io.out(JSON.stringify(identity, null, 2));
  else for (const [key, value] of Object.entries(identity)) io.out(`${key.padEnd(13)} ${String(value)}`);
  return exitCodes.ok;
}

/** `rebind params --port PATH [--json]`: every parameter and the canonical digest. */
export async function paramsCommand(args: string[], io: CliIo): Promise<number> {
  const { port, baud, json } = target(args);
  const result = paramsJson(
    await withTerminal(port, baud, async (driver) => {
      await driver.hello();
      return driver.getParams();
    }),
  );
  if (json) io.out(JSON.stringify(result, null, 2));
  else {
    for (const [tag, value] of Object.entries(result.params)) io.out(`${tag}  ${value}`);
    io.out(`digest ${result.digest}`);
  }
  return exitCodes.ok;
}

/** `rebind batch --port PATH [--json]`: the open batch's totals. */
export async function batchCommand(args: string[], io: CliIo): Promise<number> {
  const { port, baud, json } = target(args);
  const result = batchJson(
    await withTerminal(port, baud, async (driver) => {
      await driver.hello();
      return driver.getBatch();
    }),
  );
  if (json) io.out(JSON.stringify(result, null, 2));
  else for (const [key, value] of Object.entries(result)) io.out(`${key.padEnd(16)} ${String(value)}`);
  return exitCodes.ok;
}
