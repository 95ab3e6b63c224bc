// How the engine reads the link's bounded waits: a T2 timeout may clear up on a second try; a
// terminal stuck "in progress" past its bounds, or a step the engineer cancelled, may not.
import { describe, expect, it } from 'vitest';
import { LinkAborted, LinkFailure, LinkTimeout } from '../terminal/link/link-errors';
import { classifyFailure } from './rebind-failure';

describe('classifyFailure and the link bounds', () => {
  it('retries after a plain T2 timeout or a line failure', () => {
    expect(classifyFailure(new LinkTimeout('COMMIT', 5000))).toMatchObject({ retryable: true, reason: 'link-failed', kind: 'link-timeout' });
    expect(classifyFailure(new LinkFailure('no-ack', 'PUT_STAGE'))).toMatchObject({ retryable: true, reason: 'link-failed' });
  });

  it('does not retry a command the terminal kept "in progress" past its interim count or total time', () => {
    expect(classifyFailure(new LinkTimeout('SETTLE', 5000, { reason: 'too-many-interims', interims: 601 }))).toMatchObject({
      retryable: false,
      reason: 'link-failed',
      kind: 'link-timeout:too-many-interims',
    });
    const overBudget = classifyFailure(new LinkTimeout('HELLO', 30_000, { reason: 'over-budget', interims: 7 }));
    expect(overBudget).toMatchObject({ retryable: false, reason: 'link-failed', kind: 'link-timeout:over-budget' });
    expect(overBudget.message).toMatch(/HELLO in progress for 30 s/);
  });

  it('does not retry a step cancelled through its AbortSignal', () => {
    expect(classifyFailure(new LinkAborted('SETTLE'))).toMatchObject({ retryable: false, reason: 'interrupted', kind: 'link-aborted' });
  });
});
