import type { RebindBridge } from '../../shared/ipc/bridge-api';

declare global {
  interface Window {
    /** The preload's bridge: the renderer's only way to main. */
    rebind: RebindBridge;
  }
}

export {};
