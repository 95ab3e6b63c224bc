import type { RebindBridge } from '../../shared/ipc/bridge-api';

declare global {
  interface Window {
    /** The preload's bridge: the renderer's only way to main. */
    rebind: RebindBridge;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

export {};
