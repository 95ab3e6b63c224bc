import { defineStore } from 'pinia';
import { ref } from 'vue';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../../shared/settings/settings';
import { invoke, onEvent } from '../../bridge/rebind-api';
import { applyLanguage } from '../../i18n';

/** The user's settings as stored in main; every change goes through main and comes back. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...defaultSettings });
  const loaded = ref(false);

  const adopt = (next: Settings) => {
    settings.value = next;
    applyLanguage(next.language);
  };

  /** Loads the stored settings and follows later changes (e.g. after a restore). */
  async function load(): Promise<void> {
    adopt(await invoke('settings:get', {}));
    loaded.value = true;
    onEvent('settings:changed', adopt);
  }

  /** Changes some settings. */
  async function update(patch: SettingsPatch): Promise<void> {
    adopt(await invoke('settings:update', patch));
  }

  return { settings, loaded, load, update };
});
