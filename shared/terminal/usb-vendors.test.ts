import { describe, expect, it } from 'vitest';
import { recogniseVendor } from './usb-vendors';

describe('recogniseVendor', () => {
  it.each([
    ['11ca', 'Verifone', 'terminal'],
    ['0B00', 'Ingenico', 'terminal'],
    ['0f14', 'Ingenico', 'terminal'],
    ['0ca6', 'Castles', 'terminal'],
    ['2fb8', 'PAX', 'terminal'],
    ['1eab', 'Newland', 'terminal'],
    ['0403', 'FTDI', 'usb-serial-adapter'],
    ['067b', 'Prolific', 'usb-serial-adapter'],
    ['1a86', 'WCH', 'usb-serial-adapter'],
    ['10c4', 'Silicon Labs', 'usb-serial-adapter'],
  ])('knows vendor id %s as %s', (id, name, kind) => {
    expect(recogniseVendor(id, undefined)).toEqual({ name, kind });
  });

  it('accepts 0x prefixes and short ids', () => {
    expect(recogniseVendor('0x2FB8', undefined)?.name).toBe('PAX');
    expect(recogniseVendor('403', undefined)?.name).toBe('FTDI');
  });

  it('falls back to the manufacturer string', () => {
    expect(recogniseVendor(undefined, 'PAX Technology Ltd')).toEqual({ name: 'PAX', kind: 'terminal' });
    expect(recogniseVendor(undefined, 'VeriFone Inc')).toEqual({ name: 'Verifone', kind: 'terminal' });
  });

  it('returns null for an unknown port', () => {
    expect(recogniseVendor('dead', 'Acme')).toBeNull();
    expect(recogniseVendor(undefined, undefined)).toBeNull();
  });
});
