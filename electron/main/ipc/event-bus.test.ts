import { describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus';

describe('event bus', () => {
  it('delivers checked payloads to every sink until removed', () => {
    const bus = createEventBus();
    const seen: unknown[] = [];
    const remove = bus.addSink((event, payload) => seen.push([event, payload]));
    bus.emit('settings:changed', { language: 'en-US', theme: 'dark', terminalPort: null, terminalBaudRate: 115200 });
    remove();
    bus.emit('settings:changed', { language: 'zh-CN', theme: 'dark', terminalPort: null, terminalBaudRate: 115200 });
    expect(seen).toEqual([['settings:changed', { language: 'en-US', theme: 'dark', terminalPort: null, terminalBaudRate: 115200 }]]);
  });

  it('refuses a payload outside the event contract', () => {
    const bus = createEventBus();
    expect(() => bus.emit('settings:changed', { language: 'xx' } as never)).toThrow();
  });
});
