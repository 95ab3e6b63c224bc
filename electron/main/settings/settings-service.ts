import { defaultSettings, settingKeys, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings/settings';
import type { EventBus } from '../ipc/event-bus';
import type { SettingsRepository } from './settings-repository';

/** Reads and changes the user's settings. */
export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/** Creates the settings service. */
export function createSettingsService(repo: SettingsRepository, events: EventBus, now: () => Date = () => new Date()): SettingsService {
  const get = (): Settings => {
    const stored = repo.readKeys(settingKeys);
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const key of settingKeys) {
      const raw = stored.get(key);
      if (raw !== undefined) merged[key] = JSON.parse(raw);
    }
    // A value this build does not understand (written by a newer app, or edited) falls back to the default.
    const shape = settingsSchema.shape;
    for (const key of Object.keys(shape) as (keyof Settings)[]) {
      if (!shape[key].safeParse(merged[key]).success) merged[key] = defaultSettings[key];
    }
    return settingsSchema.parse(merged);
  };

  return {
    get,
    update(patch) {
      const entries = Object.entries(patch)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, JSON.stringify(value)] as const);
      if (entries.length > 0) repo.writeMany(entries, now().toISOString());
      const settings = get();
      events.emit('settings:changed', settings);
      return settings;
    },
  };
}
