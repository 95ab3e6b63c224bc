import { describe, expect, it } from 'vitest';
import { normalizeUsername, usernameSchema } from './operator';

describe('usernames', () => {
  it('are trimmed and lower-cased the same way by the forms and by main', () => {
    expect(normalizeUsername('  Chen.Admin ')).toBe('chen.admin');
    expect(usernameSchema.parse('  Chen.Admin ')).toBe(normalizeUsername('  Chen.Admin '));
  });

  it('are checked after normalising, so a typed upper-case name passes and a bad one still fails', () => {
    expect(usernameSchema.safeParse('LI.WEI').success).toBe(true);
    expect(usernameSchema.safeParse(' 1abc').success).toBe(false);
    expect(usernameSchema.safeParse('ab').success).toBe(false);
  });
});
