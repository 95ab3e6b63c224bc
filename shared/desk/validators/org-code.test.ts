import { describe, expect, it } from 'vitest';
import { orgCodeCheckCharacter, orgCodeCheckHolds } from './org-code';

describe('GB 11714 organisation code', () => {
  it.each([
    ['M000100Y4', 'inside GB 32100’s example'],
    ['71526726X', 'Tencent’s, whose check is X'],
    ['192203821', 'Huawei’s'],
    ['100003962', 'ICBC’s'],
  ])('holds for %s (%s)', (code) => {
    expect(orgCodeCheckHolds(code)).toBe(true);
    expect(orgCodeCheckCharacter(code.slice(0, 8))).toBe(code[8]);
  });

  it('writes a check of 11 as 0 and of 10 as X', () => {
    expect(orgCodeCheckCharacter('10000004')).toBe('0');
    expect(orgCodeCheckCharacter('71526726')).toBe('X');
  });

  it('fails a wrong check character and a malformed code', () => {
    expect(orgCodeCheckHolds('M000100Y5')).toBe(false);
    expect(orgCodeCheckHolds('M000100Y')).toBe(false);
    expect(orgCodeCheckHolds('m000100y4')).toBe(false);
    expect(() => orgCodeCheckCharacter('M000100')).toThrow(RangeError);
  });
});
