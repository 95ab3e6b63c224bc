// What a service may do with main → renderer events: emit one. Services are given this port
// instead of importing electron/main/ipc/, so they sit below the IPC layer; the event bus there
// implements it (and checks each payload against the event contract).
import type { EventChannel } from './channels';
import type { EventPayload } from './contract';

/** Emits typed events towards the renderer. */
export interface EventPort {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
}
