import { computed, ref } from 'vue';
import { describeError } from '../errors/describe-error';

/**
 * The busy/error pattern every form and store shares: `busy` while any action runs (a count, so two
 * overlapping actions do not clear it early), `error` the last failure in the user's language.
 */
export function useBusyAction() {
  const running = ref(0);
  const busy = computed(() => running.value > 0);
  const error = ref<string | null>(null);

  /** Runs `work` as busy and lets a failure through to the caller (stores: the page decides how to say it). */
  async function track<T>(work: () => Promise<T>): Promise<T> {
    running.value += 1;
    try {
      return await work();
    } finally {
      running.value -= 1;
    }
  }

  /** Runs `work` as busy; a failure is described into `error` (cleared when the next run starts) and resolves to undefined. */
  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    error.value = null;
    try {
      return await track(work);
    } catch (caught) {
      error.value = describeError(caught);
      return undefined;
    }
  }

  return { busy, error, run, track };
}
