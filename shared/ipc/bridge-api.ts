import type { EventChannel, InvokeChannel } from './channels';
import type { IpcResult } from './result';

/** The only API the preload exposes to the renderer (as `window.rebind`). */
export interface RebindBridge {
  /** Calls a contract channel; always resolves to an envelope. */
  invoke(channel: InvokeChannel, input: unknown): Promise<IpcResult<unknown>>;
  /** Subscribes to a contract event; returns the unsubscribe function. */
  on(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

/** The global name under which the bridge is exposed. */
export const bridgeGlobalName = 'rebind';
