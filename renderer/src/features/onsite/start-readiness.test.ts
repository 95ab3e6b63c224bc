import { describe, expect, it } from 'vitest';
import { whyStartWaits, type StartConditions } from './start-readiness';

const ready: StartConditions = { terminal: 'connected', running: false, templateChosen: true, merchantComplete: true, alreadyRebound: false, overrideReasonMissing: false };

describe('why Start waits', () => {
  it('offers Start when everything is in place', () => {
    expect(whyStartWaits(ready)).toBeNull();
  });

  it.each<[Partial<StartConditions>, string]>([
    [{ terminal: 'not-connected' }, 'terminal'],
    [{ terminal: 'rebinding' }, 'rebinding'],
    [{ running: true, terminal: 'rebinding' }, 'running'],
    [{ templateChosen: false }, 'template'],
    [{ merchantComplete: false }, 'merchant'],
    [{ overrideReasonMissing: true }, 'override-reason'],
    [{ alreadyRebound: true }, 'already-rebound'],
  ])('with %o it says %s', (change, reason) => {
    expect(whyStartWaits({ ...ready, ...change })).toBe(reason);
  });

  it('names the first missing thing in the order the engineer meets it: the terminal before the template before the values', () => {
    expect(whyStartWaits({ ...ready, terminal: 'not-connected', templateChosen: false, merchantComplete: false })).toBe('terminal');
    expect(whyStartWaits({ ...ready, templateChosen: false, merchantComplete: false })).toBe('template');
  });
});
