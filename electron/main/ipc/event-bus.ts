import type { EventChannel } from '../../../shared/ipc/channels';
import { eventContract, type EventPayload } from '../../../shared/ipc/contract';

/** Receives every event main emits; Electron forwards to windows, the browser harness to the page. */
export type EventSink = (event: EventChannel, payload: unknown) => void;

/** Main → renderer events, checked against the event contract before they leave. */
export interface EventBus {
  /** Emits a typed event to every sink. */
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Adds a sink; returns its removal. */
  addSink(sink: EventSink): () => void;
}

/** Creates an event bus. */
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
