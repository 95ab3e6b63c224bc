import { describe, expect, it } from 'vitest';
import { BridgeError } from '../bridge/rebind-api';
import { useBusyAction } from './use-busy-action';

/** A promise the test settles by hand, to look at the state while the work is still running. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

describe('useBusyAction', () => {
  it('is busy while the work runs and answers its value', async () => {
    const { busy, error, run } = useBusyAction();
    const work = deferred<number>();
    const pending = run(() => work.promise);
    expect(busy.value).toBe(true);
    work.resolve(42);
    expect(await pending).toBe(42);
    expect(busy.value).toBe(false);
    expect(error.value).toBeNull();
  });

  it('describes a failure in the user\'s language (zh-CN by default) and clears it when the next run starts', async () => {
    const { busy, error, run } = useBusyAction();
    const answer = await run(() => Promise.reject(new BridgeError({ code: 'forbidden', message: 'Wrong username or password.', reason: 'bad-credentials' })));
    expect(answer).toBeUndefined();
    expect(busy.value).toBe(false);
    expect(error.value).toBe('用户名或密码错误。');
    const next = deferred<void>();
    const pending = run(() => next.promise);
    expect(error.value).toBeNull();
    next.resolve();
    await pending;
  });

  it('stays busy until the last of overlapping runs ends', async () => {
    const { busy, track } = useBusyAction();
    const first = deferred<void>();
    const second = deferred<void>();
    const a = track(() => first.promise);
    const b = track(() => second.promise);
    first.resolve();
    await a;
    expect(busy.value).toBe(true);
    second.resolve();
    await b;
    expect(busy.value).toBe(false);
  });

  it('track lets the failure through to the caller and still ends busy', async () => {
    const { busy, error, track } = useBusyAction();
    await expect(track(() => Promise.reject(new Error('port gone')))).rejects.toThrow('port gone');
    expect(busy.value).toBe(false);
    expect(error.value).toBeNull();
  });
});
