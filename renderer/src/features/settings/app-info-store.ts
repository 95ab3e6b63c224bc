import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo } from '../../../../shared/app/app-info';
import { invoke } from '../../bridge/rebind-api';

/** Versions and data locations, shown in Settings. */
export const useAppInfoStore = defineStore('app-info', () => {
  const info = ref<AppInfo | null>(null);

  async function refresh(): Promise<void> {
    info.value = await invoke('app:info', {});
  }

  return { info, refresh };
});
