import type { RebindBridge } from '../../../shared/ipc/bridge-api';

declare global {
  interface Window {
    /** The bridge the harness installs, with the preload's surface. */
    rebind: RebindBridge;
  }
}

export {};
