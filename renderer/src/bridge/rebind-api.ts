import type { EventChannel, InvokeChannel } from '../../../shared/ipc/channels';
import type { EventPayload, InvokeInput, InvokeOutput } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/result';

/** A failed call, carrying the envelope's error so the UI can explain it. */
export class BridgeError extends Error {
  readonly detail: IpcError;

  constructor(detail: IpcError) {
    super(detail.message);
    this.name = 'BridgeError';
    this.detail = detail;
  }
}

// Told when main answers that the window has no session (signed out elsewhere, account disabled,
// password reset) or is locked, so the auth store can show the right screen whatever page asked.
const sessionListeners = new Set<(code: 'unauthenticated' | 'locked') => void>();

/** Subscribes to "the session is gone or locked" answers; returns the unsubscribe function. */
export function onSessionProblem(listener: (code: 'unauthenticated' | 'locked') => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Calls a channel and returns its value; a failure envelope becomes a BridgeError. */
export async function invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const result = await window.rebind.invoke(channel, input);
  if (!result.ok) {
    const code = result.error.code;
    if (code === 'unauthenticated' || code === 'locked') for (const listener of sessionListeners) listener(code);
    throw new BridgeError(result.error);
  }
  return result.value as InvokeOutput<C>;
}

/** Subscribes to a main → renderer event; returns the unsubscribe function. */
export function onEvent<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.rebind.on(event, (payload) => listener(payload as EventPayload<E>));
}
