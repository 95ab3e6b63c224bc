import { describe, expect, it } from 'vitest';
import { checkChannelAccess, type CallerView } from './roles';

const done = { passwordChange: false, twoFactorEnrolment: false };
const desk: CallerView = { role: 'desk', pending: done };
const admin: CallerView = { role: 'admin', pending: done };

describe('checkChannelAccess', () => {
  it('lets anyone call a public channel', () => {
    expect(checkChannelAccess('public', null)).toEqual({ allowed: true });
  });

  it('asks for a sign-in on every other channel', () => {
    for (const required of ['session', 'signed-in', ['admin']] as const) {
      expect(checkChannelAccess(required, null)).toMatchObject({ allowed: false, reason: 'sign-in-required' });
    }
  });

  it('checks the role list', () => {
    expect(checkChannelAccess(['admin'], admin)).toEqual({ allowed: true });
    const refused = checkChannelAccess(['admin', 'engineer'], desk);
    expect(refused).toMatchObject({ allowed: false, reason: 'role-not-allowed' });
    expect(refused.allowed === false && refused.message).toMatch(/desk.*admin or engineer/);
    expect(checkChannelAccess('signed-in', desk)).toEqual({ allowed: true });
  });

  it('holds a session with a pending step to the session channels', () => {
    const mustChange: CallerView = { role: 'admin', pending: { passwordChange: true, twoFactorEnrolment: true } };
    expect(checkChannelAccess('session', mustChange)).toEqual({ allowed: true });
    expect(checkChannelAccess(['admin'], mustChange)).toMatchObject({ allowed: false, reason: 'password-change-required' });
    const mustEnrol: CallerView = { role: 'engineer', pending: { passwordChange: false, twoFactorEnrolment: true } };
    expect(checkChannelAccess('signed-in', mustEnrol)).toMatchObject({ allowed: false, reason: 'two-factor-enrolment-required' });
  });
});
