// What a feature hands the composition root: the handlers of its channels, and what to do at
// shutdown. main-context.ts joins the modules; the compiler checks that every channel of the
// contract has exactly one handler.
import type { InvokeChannel } from '../../../shared/ipc/channels';
import type { ChannelHandlers } from './router';

export type HandlersFor<K extends InvokeChannel> = Pick<ChannelHandlers, K>;

/** One feature, as main-context composes it. */
export interface FeatureModule<K extends InvokeChannel> {
  handlers: HandlersFor<K>;
  /** Runs at shutdown, modules in the reverse order of their composition. */
  close?: () => void | Promise<void>;
}

/** Any feature's module, whatever its channels. */
interface SomeFeatureModule {
  handlers: Partial<ChannelHandlers>;
  close?: () => void | Promise<void>;
}

type ChannelsOf<M> = M extends { handlers: infer H } ? keyof H & InvokeChannel : never;

/** The modules, or (a compile error) the channels no module answers. */
type EveryChannelAnswered<M extends readonly SomeFeatureModule[]> = [Exclude<InvokeChannel, ChannelsOf<M[number]>>] extends [never]
  ? M
  : { missingHandlers: Exclude<InvokeChannel, ChannelsOf<M[number]>> };

/** The handlers of all modules, and one close() that closes them in reverse order. */
export function composeModules<const M extends readonly SomeFeatureModule[]>(modules: M & EveryChannelAnswered<M>): {
  handlers: ChannelHandlers;
  close: () => Promise<void>;
} {
  const handlers: Record<string, unknown> = {};
  for (const module of modules) {
    for (const [channel, handler] of Object.entries(module.handlers)) {
      // Two modules answering one channel would make the later one win silently.
      if (channel in handlers) throw new Error(`Two feature modules answer ${channel}.`);
      handlers[channel] = handler;
    }
  }
  return {
    handlers: handlers as ChannelHandlers,
    close: async () => {
      for (const module of [...modules].reverse()) await module.close?.();
    },
  };
}
