import { describe, expect, it } from 'vitest';
import { maskLast4 } from './mask';

describe('maskLast4', () => {
  it('shows only the last four characters', () => {
    expect(maskLast4('6222021234567890')).toBe('••••••••••••7890');
    expect(maskLast4('6222 0212 3456 7890')).toBe('••••••••••••7890');
    expect(maskLast4('110101199003077777')).toBe('••••••••••••••7777');
  });

  it('hides short values completely, since their last four would give most of them away', () => {
    expect(maskLast4('A1B2C3')).toBe('••••••');
    expect(maskLast4('12')).toBe('••••');
    expect(maskLast4('')).toBe('••••');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskLast4('账号账号账号账号账号')).toBe('••••••账号账号');
  });
});
