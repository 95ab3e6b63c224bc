/** What a USB vendor id says about a serial port. */
export type PortVendorKind = 'terminal' | 'usb-serial-adapter' | 'unknown';

export interface UsbVendor {
  name: string;
  kind: Exclude<PortVendorKind, 'unknown'>;
}

// Payment terminal makers, whose own USB CDC-ACM ports are their terminals, and the common
// USB-serial bridge chips, behind which any RS-232 terminal may sit (confirmed by ENQ/HELLO).
const vendorsById: Readonly<Record<string, UsbVendor>> = {
  '11ca': { name: 'Verifone', kind: 'terminal' },
  '0b00': { name: 'Ingenico', kind: 'terminal' },
  '0f14': { name: 'Ingenico', kind: 'terminal' },
  '0ca6': { name: 'Castles', kind: 'terminal' },
  '2fb8': { name: 'PAX', kind: 'terminal' },
  '1eab': { name: 'Newland', kind: 'terminal' },
  '0403': { name: 'FTDI', kind: 'usb-serial-adapter' },
  '067b': { name: 'Prolific', kind: 'usb-serial-adapter' },
  '1a86': { name: 'WCH', kind: 'usb-serial-adapter' },
  '10c4': { name: 'Silicon Labs', kind: 'usb-serial-adapter' },
};

// Manufacturer strings as the OS reports them, for ports whose vendor id is missing.
const terminalMakers: readonly [RegExp, string][] = [
  [/verifone/i, 'Verifone'],
  [/ingenico/i, 'Ingenico'],
  [/castles/i, 'Castles'],
  [/\bpax\b/i, 'PAX'],
  [/newland/i, 'Newland'],
];

/** Recognises a port's vendor from its USB vendor id, else from its manufacturer string. */
export function recogniseVendor(vendorId: string | undefined, manufacturer: string | undefined): UsbVendor | null {
  const id = vendorId?.toLowerCase().replace(/^0x/, '').padStart(4, '0');
  // Own properties only: a device can report any id, `constructor` included.
  if (id && Object.hasOwn(vendorsById, id)) return vendorsById[id]!;
  for (const [pattern, name] of terminalMakers) {
    if (manufacturer && pattern.test(manufacturer)) return { name, kind: 'terminal' };
  }
  return null;
}
