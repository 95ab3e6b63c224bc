import { describe, expect, it } from 'vitest';
import { maskFromTail, maskLast4, visibleTail } from './mask';

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

describe('visibleTail and maskFromTail', () => {
  it('keeps exactly what maskLast4 shows, and nothing of a short value', () => {
    for (const value of ['11010519491231002X', '6222 0212 3456 7890', '12345678', 'A1B2C3', '']) {
      const tail = visibleTail(value);
      expect(maskLast4(value).endsWith(tail)).toBe(true);
      expect(maskLast4(value).replace(/•/g, '')).toBe(tail);
    }
    expect(visibleTail('11010519491231002X')).toBe('002X');
    expect(visibleTail('12345678')).toBe('');
  });

  it('masks from the tail alone with four dots, whatever the length was', () => {
    expect(maskFromTail('002X')).toBe('••••002X');
    expect(maskFromTail('')).toBe('••••');
  });
});
