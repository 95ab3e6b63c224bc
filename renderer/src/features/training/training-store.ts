import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TrainingStatus } from '../../../../shared/training/training';
import { invoke } from '../../bridge/rebind-api';

/**
 * This window's training mode. Entering, leaving and resetting reload the window at `hash`, so no
 * store keeps a record of the other side (a real case list in training, a training one after).
 */
export const useTrainingStore = defineStore('training', () => {
  const status = ref<TrainingStatus | null>(null);
  const busy = ref(false);
  const error = ref<unknown>(null);

  async function load(): Promise<void> {
    try {
      status.value = await invoke('training:status', {});
      error.value = null;
    } catch (problem) {
      error.value = problem;
    }
  }

  const reloadAt = (hash: string) => {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    window.location.reload();
  };

  async function run(call: () => Promise<TrainingStatus>, hashOf: (next: TrainingStatus) => string): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      const next = await call();
      status.value = next;
      reloadAt(hashOf(next));
    } catch (problem) {
      error.value = problem;
    } finally {
      busy.value = false;
    }
  }

  /** Enters training and opens `start` (the page the role begins an appointment on). */
  const enter = (start: (seed: TrainingStatus['seed']) => string) => run(() => invoke('training:enter', {}), (next) => start(next.seed));
  /** Leaves training; refused while a training rebind runs (the reason is shown). */
  const leave = () => run(() => invoke('training:leave', {}), () => '');
  /** Throws the training data away and seeds it again. */
  const reset = (start: (seed: TrainingStatus['seed']) => string) => run(() => invoke('training:reset', {}), (next) => start(next.seed));

  return { status, busy, error, load, enter, leave, reset };
});
