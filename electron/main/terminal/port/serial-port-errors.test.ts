import { describe, expect, it } from 'vitest';
import { openSerialPort } from './serial-byte-port';
import { explainOpenError } from './serial-port-errors';

describe('explainOpenError', () => {
  it('tells a Linux user without access to join the dialout group', () => {
    const error = explainOpenError('/dev/ttyUSB0', Object.assign(new Error('Error: Permission denied, cannot open /dev/ttyUSB0'), { code: 'EACCES' }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/dialout/);
  });

  it('says a missing port is probably unplugged', () => {
    expect(explainOpenError('/dev/ttyACM9', new Error('Error: No such file or directory, cannot open /dev/ttyACM9')).message).toMatch(/cable/);
  });

  it('says a busy port is used by another program', () => {
    expect(explainOpenError('/dev/ttyS0', new Error('Error Resource temporarily unavailable Cannot lock port')).message).toMatch(/another program/);
  });

  it('is what opening a missing device through the real binding reports', async () => {
    await expect(openSerialPort('/dev/rebinddesk-no-such-port', { baudRate: 9600 })).rejects.toMatchObject({ code: 'not-found' });
  });
});
