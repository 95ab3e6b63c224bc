// What the simulator reports through SimulatorOptions.onEvent: every injected fault, notable link
// happenings, each executed command, and power cycles. The CLI prints them; tests assert on them.
import type { Clock } from '../../platform/clock';
import type { FaultKind } from './fault-plan';

/** Link-level happenings worth a log line. */
export type LinkHappening =
  | 'nak-sent'
  | 'noise'
  | 'stalled'
  | 'retransmit'
  | 'eot-sent'
  | 'host-moved-on'
  | 'duplicate-replayed'
  | 'duplicate-in-progress'
  | 'busy'
  | 'ignored-while-down';

/** Power and connection changes. */
export type LifecycleChange = 'attached' | 'detached' | 'port-lost' | 'rebooting' | 'power-loss' | 'up' | 'slot-written' | 'slot-flipped' | 'storage-error';

/** One thing the simulator reports. `atMs` is the simulator's clock (monoMs) when it happened. */
export type SimulatorEvent =
  /** A fault of the plan fired. `command` is the command name it struck, when known. */
  | { readonly type: 'fault'; readonly fault: FaultKind; readonly command: string; readonly message: string; readonly atMs: number }
  | { readonly type: 'link'; readonly what: LinkHappening; readonly message: string; readonly atMs: number }
  /** A command ran to its final response (not sent for duplicates, which are 'link' events). */
  | { readonly type: 'command'; readonly command: string; readonly seq: number; readonly rc: number; readonly message: string; readonly atMs: number }
  | { readonly type: 'lifecycle'; readonly what: LifecycleChange; readonly message: string; readonly atMs: number };

/** Receives simulator events; must not throw. */
export type SimulatorEventListener = (event: SimulatorEvent) => void;

/** An event sink that stamps the time and never lets a listener's error escape. */
export function eventEmitter(listener: SimulatorEventListener | undefined, clock: Pick<Clock, 'monoMs'>): (event: DistributiveOmit<SimulatorEvent, 'atMs'>) => void {
  return (event) => {
    if (listener === undefined) return;
    try {
      listener({ ...event, atMs: clock.monoMs() } as SimulatorEvent);
    } catch {
      // A broken log listener must not take the simulated terminal down.
    }
  };
}

/** Omit over each member of a union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The emit function handed to the simulator's parts. */
export type EmitEvent = ReturnType<typeof eventEmitter>;
