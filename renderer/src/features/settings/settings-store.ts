import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Preferences, PreferencesPatch } from '../../../../shared/settings/preferences';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../../shared/settings/settings';
import { invoke, onEvent } from '../../bridge/rebind-api';
import { applyLanguage } from '../../i18n';
import { useAuthStore } from '../auth/auth-store';

/**
 * The device's settings and the signed-in operator's own language and theme, as stored in main;
 * every change goes through main and comes back. Before sign-in (and for a key the operator never
 * chose) the device default applies.
 */
export const useSettingsStore = defineStore('settings', () => {
  const auth = useAuthStore();
  const device = ref<Settings>({ ...defaultSettings });
  /** The operator's preferences; null while nobody is signed in in this window. */
  const own = ref<Preferences | null>(null);
  const loaded = ref(false);
  let subscribed = false;

  /** What is in force now: the device's settings with the operator's language and theme over them. */
  const settings = computed<Settings>(() => ({ ...device.value, ...(own.value ?? {}) }));

  watch(
    () => settings.value.language,
    (language) => applyLanguage(language),
    { immediate: true },
  );

  const loadOwn = async (operatorId: number | null) => {
    own.value = operatorId === null ? null : await invoke('preferences:get', {});
  };

  /** Loads the device's settings and follows later changes (a restore, another window, a sign-in). */
  async function load(): Promise<void> {
    // The session is asked for here too, so a signed-in window paints in the operator's language at once.
    const [next, state] = await Promise.all([invoke('settings:get', {}), invoke('auth:session', {})]);
    device.value = next;
    if (state.session && !state.locked) own.value = await invoke('preferences:get', {});
    loaded.value = true;
    if (subscribed) return;
    subscribed = true;
    onEvent('settings:changed', (next) => {
      device.value = next;
      // A restore brings the backup's preferences too.
      if (own.value) loadOwn(auth.session?.operatorId ?? null).catch(() => undefined);
    });
    // A locked window keeps the operator's preferences (the lock screen speaks their language);
    // main refuses calls while locked, so they are read again once it is unlocked.
    watch(
      () => [auth.session?.operatorId ?? null, auth.locked] as const,
      ([operatorId, locked]) => {
        if (operatorId === null || !locked) loadOwn(operatorId).catch((error: unknown) => console.error('Preferences could not be loaded', error));
      },
    );
  }

  /** Changes the device's settings (the terminal's port and baud rate). */
  async function update(patch: SettingsPatch): Promise<void> {
    device.value = await invoke('settings:update', patch);
  }

  /** Chooses the language or theme: the operator's own when signed in, else the device default the screens before sign-in show. */
  async function choose(patch: PreferencesPatch): Promise<void> {
    if (auth.session) own.value = await invoke('preferences:update', patch);
    else device.value = await invoke('settings:update-device-default', patch);
  }

  return { settings, device, own, loaded, load, update, choose };
});
