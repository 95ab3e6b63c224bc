// Races a promise against a time limit and an AbortSignal, so a port call that never settles
// (a wedged driver, a vanished device) still ends the operation. Time is the caller's clock.
import type { Clock } from '../../platform/clock';
import { LinkAborted } from './link-errors';

/** Resolves or rejects with `promise`, or rejects with `onTimeout()` after `timeoutMs`, or with LinkAborted on abort. */
export function bounded<T>(clock: Clock, promise: Promise<T>, timeoutMs: number, onTimeout: () => Error, signal?: AbortSignal, command?: string): Promise<T> {
  if (signal?.aborted === true) return Promise.reject(new LinkAborted(command));
  return new Promise<T>((resolve, reject) => {
    const cancelTimer = clock.after(timeoutMs, () => finish(() => reject(onTimeout())));
    const onAbort = () => finish(() => reject(new LinkAborted(command)));
    signal?.addEventListener('abort', onAbort, { once: true });
    let done = false;
    function finish(action: () => void): void {
      if (done) return;
      done = true;
      cancelTimer();
      signal?.removeEventListener('abort', onAbort);
      action();
    }
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Resolves after `ms`, or rejects with LinkAborted when `signal` aborts first. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal, command?: string): Promise<void> {
  if (signal?.aborted === true) return Promise.reject(new LinkAborted(command));
  return new Promise<void>((resolve, reject) => {
    const cancelTimer = clock.after(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    const onAbort = () => {
      cancelTimer();
      reject(new LinkAborted(command));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles with `promise`, or rejects with LinkAborted when `signal` aborts first. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, command?: string): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(new LinkAborted(command));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new LinkAborted(command));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
