import { recogniseVendor } from '../../../../shared/terminal/usb-vendors';
import type { PortInfo, PortList } from '../../../../shared/terminal/port-info';

/** What `SerialPort.list()` reports for one port. */
export interface RawPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

/** Lists the system's serial ports (SerialPort.list in the app; a fake in unit tests). */
export type RawPortSource = () => Promise<RawPortInfo[]>;

/** Lists ports with their vendor recognised; a failing system list becomes a problem note, not an error. */
export async function listPorts(source: RawPortSource): Promise<PortList> {
  try {
    const raw = await source();
    const ports = raw.map(toPortInfo).sort(byUsefulness);
    return { ports, problem: null };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ports: [],
      problem:
        `The system port list is unavailable (${detail}). On Linux it needs udev; ` +
        'enter the port path by hand instead (for example /dev/ttyUSB0, /dev/ttyACM0 or a /dev/pts/N pseudo-terminal).',
    };
  }
}

function toPortInfo(raw: RawPortInfo): PortInfo {
  const info: PortInfo = { path: raw.path, source: 'system', vendor: recogniseVendor(raw.vendorId, raw.manufacturer) };
  if (raw.manufacturer) info.manufacturer = raw.manufacturer;
  if (raw.serialNumber) info.serialNumber = raw.serialNumber;
  if (raw.vendorId) info.vendorId = raw.vendorId.toLowerCase();
  if (raw.productId) info.productId = raw.productId.toLowerCase();
  return info;
}

// Terminals first, then USB-serial adapters, then the rest (legacy /dev/ttyS* ports), each by path.
function byUsefulness(a: PortInfo, b: PortInfo): number {
  const rank = (p: PortInfo) => (p.vendor?.kind === 'terminal' ? 0 : p.vendor ? 1 : 2);
  return rank(a) - rank(b) || a.path.localeCompare(b.path, 'en', { numeric: true });
}
