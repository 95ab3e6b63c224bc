import { describe, expect, it } from 'vitest';
import { totpCodeInputSchema } from './two-factor';

describe('totpCodeInputSchema', () => {
  it('takes six digits, with one space in the middle as apps show them', () => {
    expect(totpCodeInputSchema.parse({ code: ' 123456 ' })).toEqual({ code: '123456' });
    expect(totpCodeInputSchema.parse({ code: '123 456' })).toEqual({ code: '123 456' });
  });

  it('refuses anything else with a message that says what to type', () => {
    for (const code of ['12345', '1234567', 'abcdef', '12 3456']) {
      const parsed = totpCodeInputSchema.safeParse({ code });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/6-digit code/);
    }
  });
});
