import { SerialPort } from 'serialport';
import { listPorts } from '../../main/terminal/port/port-lister';
import { exitCodes, type CliIo } from '../cli-io';
import { parseOptions } from '../parse-options';

/** `rebind ports [--json]`: the serial ports with their recognised vendors. */
export async function portsCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, { json: { type: 'boolean' } });
  const list = await listPorts(() => SerialPort.list());
  if (options.json) {
    io.out(JSON.stringify(list, null, 2));
    return exitCodes.ok;
  }
  if (list.problem) io.err(`rebind: ${list.problem}`);
  if (list.ports.length === 0) io.out('No serial ports found. Give the path with --port (for example /dev/ttyUSB0).');
  for (const port of list.ports) {
    const vendor = port.vendor ? `${port.vendor.name} ${port.vendor.kind === 'terminal' ? 'terminal' : 'USB-serial adapter'}` : 'unknown';
    const ids = port.vendorId ? ` [${port.vendorId}:${port.productId ?? '????'}]` : '';
    io.out(`${port.path}\t${vendor}${ids}${port.serialNumber ? `\tSN ${port.serialNumber}` : ''}`);
  }
  return exitCodes.ok;
}
