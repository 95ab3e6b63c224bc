// The preload exposes exactly two functions for contract channels and nothing else (Element's
// rule): never ipcRenderer itself. It runs sandboxed, so it is bundled as CommonJS.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, isInvokeChannel } from '../../shared/ipc/channels';
import { bridgeGlobalName, type RebindBridge } from '../../shared/ipc/bridge-api';
import { fail } from '../../shared/ipc/result';

const bridge: RebindBridge = {
  invoke(channel, input) {
    if (!isInvokeChannel(channel)) return Promise.resolve(fail('unknown-channel', `Unknown channel "${String(channel)}".`));
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (!isEventChannel(event)) throw new Error(`Unknown event "${String(event)}".`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
