import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ReferenceDataView } from '../../../../shared/ipc/contract-desk';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';

/** The desk's reference data: banks, terminal models, their compatibility and engineers' profiles. */
export const useReferenceStore = defineStore('desk-reference', () => {
  const data = ref<ReferenceDataView | null>(null);
  const { busy, track } = useBusyAction();

  const refresh = () =>
    track(async () => {
      data.value = await invoke('desk:reference', {});
    });

  /** Loads the shipped samples into an empty install (refused by main once anything exists). */
  const loadSamples = () =>
    track(async () => {
      const counts = await invoke('desk:load-samples', {});
      data.value = await invoke('desk:reference', {});
      return counts;
    });

  return { data, busy, refresh, loadSamples };
});
