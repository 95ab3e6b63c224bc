import { describe, expect, it } from 'vitest';
import type { Component } from 'vue';
import { prefetchPages, type WhenIdle } from './prefetch-pages';
import { pageRoutes } from './routes';

function idleQueue() {
  const queued: (() => void)[] = [];
  const whenIdle: WhenIdle = (work) => void queued.push(work);
  return { queued, whenIdle };
}

const page = (name: string, loaded: string[], prefetch: boolean, fails = false) => ({
  component: () => {
    loaded.push(name);
    return fails ? Promise.reject(new Error(`${name} did not load`)) : Promise.resolve({} as Component);
  },
  ...(prefetch ? { prefetch: true as const } : {}),
});

describe('prefetching pages', () => {
  it('loads only the pages marked prefetch, each when the window is idle, one after the other', async () => {
    const loaded: string[] = [];
    const { queued, whenIdle } = idleQueue();
    const done = prefetchPages([page('a', loaded, true), page('b', loaded, false), page('c', loaded, true)], whenIdle);
    expect(loaded).toEqual([]);
    expect(queued).toHaveLength(1);
    queued.shift()!();
    await Promise.resolve();
    expect(loaded).toEqual(['a']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queued).toHaveLength(1);
    queued.shift()!();
    await done;
    expect(loaded).toEqual(['a', 'c']);
  });

  it('goes on past a page that fails to load, leaving the failure to its visit', async () => {
    const loaded: string[] = [];
    const whenIdle: WhenIdle = (work) => work();
    await prefetchPages([page('a', loaded, true, true), page('b', loaded, true)], whenIdle);
    expect(loaded).toEqual(['a', 'b']);
  });

  it('prefetches the cases list, where desk operators go from the merchants page, and the calendar, where they book', () => {
    expect(pageRoutes.filter((route) => 'prefetch' in route && route.prefetch).map((route) => route.name)).toEqual(['cases', 'calendar']);
  });
});
