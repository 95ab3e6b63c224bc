import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inEnglish } from '../errors/reasons-en';
import { merchantFormSchema } from '../desk/forms/merchant-form';
import { describeFirstIssue } from './describe-issue';

describe('describeFirstIssue', () => {
  it('says a desk validator’s own reason, with the field, when a form field is refused', () => {
    const parsed = z.strictObject({ merchant: z.strictObject({ uscc: merchantFormSchema.shape.uscc }) }).safeParse({ merchant: { uscc: '91350100M000100Y44' } });
    if (parsed.success) throw new Error('the code should be refused');
    const { field, reason } = describeFirstIssue(parsed.error);
    expect(field).toBe('merchant.uscc');
    expect(reason).toEqual({ code: 'input-field-refused', params: { field: { code: 'field-path', params: { path: 'merchant.uscc' } }, why: { code: 'uscc-bad-check', params: { actual: '4' } } } });
    expect(inEnglish(reason)).toBe('The field merchant.uscc: The check character (the 18th, 4) does not match the other 17: one character was probably mistyped. Compare the code with the business licence.');
  });

  it('keeps zod’s own issues as before', () => {
    const parsed = z.strictObject({ username: z.string().min(3) }).safeParse({ username: 'a' });
    if (parsed.success) throw new Error('the input should be refused');
    expect(describeFirstIssue(parsed.error).reason).toEqual({ code: 'input-too-short', params: { field: { code: 'field-username', params: {} }, min: 3 } });
  });
});
