// For store unit tests only (nothing in the app imports it): a unit test has no main process and no
// preload, so this stands in for `window.rebind`. It is typed by the preload's RebindBridge, and every
// answer and event goes through the contract's schemas, so a fake that drifts from main fails the test.
import type { RebindBridge } from '../../../shared/ipc/bridge-api';
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/channels';
import { eventContract, invokeContract, type EventPayload, type InvokeInput, type InvokeOutput } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/result';

/** Thrown by a fake answer to make the call fail with this envelope error. */
export class FakeRefusal extends Error {
  constructor(readonly detail: IpcError) {
    super(detail.message);
  }
}

/** How the fake answers each channel a test uses; a channel without an answer fails the call. */
export type FakeAnswers = { [C in InvokeChannel]?: (input: InvokeInput<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>> };

/** The fake bridge, what was called on it, and a way to send main's events. */
export interface FakeBridge {
  calls: { channel: InvokeChannel; input: unknown }[];
  answers: FakeAnswers;
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
}

/** Puts a fake bridge on `window.rebind` (creating a bare `window` when the test has none) and returns it. */
export function installFakeBridge(answers: FakeAnswers = {}): FakeBridge {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const fake: FakeBridge = {
    calls: [],
    answers,
    emit(event, payload) {
      const parsed = eventContract[event].parse(payload);
      for (const listener of listeners.get(event) ?? []) listener(parsed);
    },
  };
  const bridge: RebindBridge = {
    async invoke(channel, input) {
      fake.calls.push({ channel, input: invokeContract[channel].input.parse(input) });
      const answer = fake.answers[channel] as ((input: unknown) => unknown) | undefined;
      if (!answer) return { ok: false, error: { code: 'unknown-channel', message: `The fake bridge has no answer for ${channel}.` } };
      try {
        return { ok: true, value: invokeContract[channel].output.parse(await answer(input)) };
      } catch (error) {
        if (error instanceof FakeRefusal) return { ok: false, error: error.detail };
        throw error;
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const scope = globalThis as unknown as { window?: { rebind?: RebindBridge } };
  scope.window ??= {};
  scope.window.rebind = bridge;
  return fake;
}
