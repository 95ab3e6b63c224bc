import type { EventChannel } from '../../../shared/ipc/channels';
import { eventContract } from '../../../shared/ipc/contract';
import type { EventPort } from '../../../shared/ipc/event-port';

/** Receives every event main emits; Electron forwards to windows, the browser harness to the page. */
export type EventSink = (event: EventChannel, payload: unknown) => void;

/** Main → renderer events, checked against the event contract before they leave. */
export interface EventBus extends EventPort {
  /** Adds a sink; returns its removal. */
  addSink(sink: EventSink): () => void;
}

export function createEventBus(): EventBus {
  const sinks = new Set<EventSink>();
  return {
    emit(event, payload) {
      // Parsing here keeps a service bug from sending the renderer something the contract does not allow.
      const checked = eventContract[event].parse(payload);
      for (const sink of sinks) sink(event, checked);
    },
    addSink(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
