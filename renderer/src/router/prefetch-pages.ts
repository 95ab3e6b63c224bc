// Pages marked `prefetch` are loaded while the window is idle after sign-in, so their first visit
// renders from code already parsed instead of fetching and evaluating its chunk after the click.
// A click before the load is done waits for the same import (modules load once).
import type { PageRoute } from './routes';

/** Runs `work` when the window is next idle, at the latest after `timeoutMs`. */
export type WhenIdle = (work: () => void, timeoutMs: number) => void;

const windowIdle: WhenIdle = (work, timeoutMs) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, 0);
};

/**
 * Loads, one after the other when idle, the pages among `pages` (those the operator may open)
 * marked `prefetch`. A failed load is left to the visit, which loads the page again and says
 * what failed there.
 */
export function prefetchPages(pages: readonly Pick<PageRoute, 'component' | 'prefetch'>[], whenIdle: WhenIdle = windowIdle): Promise<void> {
  const wanted = pages.filter((page) => page.prefetch);
  return new Promise((done) => {
    const next = (index: number) => {
      const page = wanted[index];
      if (!page) return done();
      whenIdle(() => {
        page.component().then(
          () => next(index + 1),
          () => next(index + 1),
        );
      }, 2000);
    };
    next(0);
  });
}
