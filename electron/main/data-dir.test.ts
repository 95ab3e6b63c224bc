import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('prefers --data-dir=DIR, then --data-dir DIR, then the env variable, then the default', () => {
    expect(resolveDataDir(['app', '--data-dir=/a'], { REBINDDESK_DATA_DIR: '/e' }, '/d')).toBe('/a');
    expect(resolveDataDir(['app', '--data-dir', '/b'], { REBINDDESK_DATA_DIR: '/e' }, '/d')).toBe('/b');
    expect(resolveDataDir(['app'], { REBINDDESK_DATA_DIR: '/e' }, '/d')).toBe('/e');
    expect(resolveDataDir(['app'], {}, '/d')).toBe('/d');
  });

  it('ignores empty values', () => {
    expect(resolveDataDir(['--data-dir='], { REBINDDESK_DATA_DIR: '  ' }, '/d')).toBe('/d');
    expect(resolveDataDir(['--data-dir'], {}, '/d')).toBe('/d');
  });
});
