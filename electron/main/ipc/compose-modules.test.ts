import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../shared/ipc/channels';
import { composeModules, type FeatureModule } from './compose-modules';
import type { ChannelHandlers } from './router';

// Modules built from a handler table, so any split of the channels can be composed.
const answer = () => ({}) as never;
const moduleOf = (channels: readonly string[], close?: () => void | Promise<void>) =>
  ({ handlers: Object.fromEntries(channels.map((c) => [c, answer])), ...(close ? { close } : {}) }) as unknown as FeatureModule<'app:info'>;
const everyChannel = () => ({ handlers: Object.fromEntries(invokeChannels.map((c) => [c, answer])) as unknown as ChannelHandlers });

describe('composeModules', () => {
  it('joins the handlers of every module', () => {
    const half = Math.floor(invokeChannels.length / 2);
    const { handlers } = composeModules([everyChannel()]);
    expect(Object.keys(handlers).sort()).toEqual([...invokeChannels].sort());
    const split = composeModules([moduleOf(invokeChannels.slice(0, half)), moduleOf(invokeChannels.slice(half)) as unknown as ReturnType<typeof everyChannel>]);
    expect(Object.keys(split.handlers).sort()).toEqual([...invokeChannels].sort());
  });

  it('does not typecheck while a channel has no handler (tsc -p tsconfig.test.json)', () => {
    const appInfoOnly: FeatureModule<'app:info'> = { handlers: { 'app:info': answer } };
    // @ts-expect-error every channel but app:info lacks a handler; the error names them (missingHandlers)
    const compose = () => composeModules([appInfoOnly]);
    expect(Object.keys(compose().handlers)).toEqual(['app:info']);
  });

  it('refuses two modules answering the same channel', () => {
    expect(() => composeModules([everyChannel(), moduleOf(['app:info'])])).toThrow('Two feature modules answer app:info.');
  });

  it('closes the modules in reverse order, waiting for each', async () => {
    const closed: string[] = [];
    const later = (name: string) => async () => {
      await new Promise((resolve) => setImmediate(resolve));
      closed.push(name);
    };
    const { close } = composeModules([everyChannel(), moduleOf([], later('terminal')), moduleOf([], later('onsite'))]);
    await close();
    expect(closed).toEqual(['onsite', 'terminal']);
  });
});
