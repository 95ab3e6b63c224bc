import { describe, expect, it } from 'vitest';
import { compareVersions, versionInFirmware } from './dotted-version';

describe('dotted versions', () => {
  it('compare part by part as numbers, missing parts as 0', () => {
    expect(compareVersions('7.10', '7.9')).toBeGreaterThan(0);
    expect(compareVersions('7.1', '7.1.0')).toBe(0);
    expect(compareVersions('7.0.9', '7.1')).toBeLessThan(0);
    expect(compareVersions('10', '9.99.99')).toBeGreaterThan(0);
  });

  it('take the first dotted number of what the terminal reports', () => {
    expect(versionInFirmware('PayDroid 7.1.2')).toBe('7.1.2');
    expect(versionInFirmware('V3.10 build 2')).toBe('3.10');
    expect(versionInFirmware('1.0.0')).toBe('1.0.0');
    expect(versionInFirmware('PayDroid')).toBeNull();
  });
});
