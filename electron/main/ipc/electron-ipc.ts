import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { invokeChannels } from '../../../shared/ipc/channels';
import { fail } from '../../../shared/ipc/result';
import type { EventBus } from './event-bus';
import type { Router } from './router';

// The one place raw ipcMain is used: every contract channel goes to the router, nothing else is handled.

/** Registers a handler per contract channel that forwards to the router with the sender's frame URL and window id. */
export function bindRouterToIpcMain(router: Router, isOwnWindow: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isOwnWindow(event)) return fail('untrusted-sender', 'Calls are accepted from the RebindDesk window only.');
      return router.handle(channel, input, { url: event.senderFrame?.url ?? '', id: event.sender.id });
    });
  }
  return () => invokeChannels.forEach((channel) => ipcMain.removeHandler(channel));
}

/**
 * Forwards bus events to the window while it is open, each only when the window's session may
 * receive it; when the window goes away, its session ends.
 */
export function forwardEventsToWindow(events: EventBus, router: Router, window: BrowserWindow): () => void {
  const contents = window.webContents;
  const senderId = contents.id;
  contents.once('destroyed', () => router.forgetSender(senderId));
  return events.addSink((event, payload, side) => {
    if (!window.isDestroyed() && router.mayReceive(event, senderId, side)) contents.send(event, payload);
  });
}
