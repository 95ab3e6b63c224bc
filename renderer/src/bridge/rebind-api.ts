import type { EventChannel, InvokeChannel } from '../../../shared/ipc/channels';
import type { EventPayload, InvokeInput, InvokeOutput } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/result';

/** A failed call, carrying the envelope's error so the UI can explain it. */
export class BridgeError extends Error {
  /** The error from main. */
  readonly detail: IpcError;

  constructor(detail: IpcError) {
    super(detail.message);
    this.name = 'BridgeError';
    this.detail = detail;
  }
}

/** Calls a channel and returns its value; a failure envelope becomes a BridgeError. */
export async function invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const result = await window.rebind.invoke(channel, input);
  if (!result.ok) throw new BridgeError(result.error);
  return result.value as InvokeOutput<C>;
}

/** Subscribes to a main → renderer event; returns the unsubscribe function. */
export function onEvent<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.rebind.on(event, (payload) => listener(payload as EventPayload<E>));
}
