import type { EventChannel } from '../../../shared/ipc/channels';
import { eventContract } from '../../../shared/ipc/contract';
import type { EventPort } from '../../../shared/ipc/event-port';
import type { EventSide } from '../../../shared/training/training-scope';

/** Receives every event main emits, with the side (real or training file) that emitted it. */
export type EventSink = (event: EventChannel, payload: unknown, side: EventSide) => void;

/** Main → renderer events, checked against the event contract before they leave. */
export interface EventBus extends EventPort {
  /** Adds a sink; returns its removal. */
  addSink(sink: EventSink): () => void;
  /** A port for the training file's services: its events carry side `training` (the bus itself emits `real`). */
  trainingPort(): EventPort;
}

export function createEventBus(): EventBus {
  const sinks = new Set<EventSink>();
  const emitFrom = (side: EventSide, event: EventChannel, payload: unknown) => {
    // Parsing here keeps a service bug from sending the renderer something the contract does not allow.
    const checked = eventContract[event].parse(payload);
    for (const sink of sinks) sink(event, checked, side);
  };
  return {
    emit: (event, payload) => emitFrom('real', event, payload),
    addSink(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    trainingPort: () => ({ emit: (event, payload) => emitFrom('training', event, payload) }),
  };
}
