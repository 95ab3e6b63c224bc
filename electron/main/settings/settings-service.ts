import { dataAuditActions } from '../../../shared/audit/audit-actions';
import type { Actor } from '../../../shared/auth/session';
import type { PreferencesPatch } from '../../../shared/settings/preferences';
import { defaultSettings, settingKeys, settingsRoleMayNotChange, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings/settings';
import { AppError } from '../app-error';
import type { EventPort } from '../../../shared/ipc/event-port';
import type { SettingsRepository } from './settings-repository';

/** Reads and changes the device's settings. */
export interface SettingsService {
  get(): Settings;
  /**
   * Changes the terminal settings in `patch` that differ, recording who changed what in the audit log
   * in the same transaction. Refused whole (`setting-role-not-allowed`) when it names a setting the
   * actor's role may not change.
   */
  update(actor: Actor, patch: SettingsPatch): Settings;
  /**
   * Changes the device default language and theme (what the screens before sign-in show), audited
   * under `actorName`: the signed-in operator, or `anonymous` on those screens.
   */
  updateDeviceDefault(actorName: string, patch: PreferencesPatch): Settings;
}

export function createSettingsService(repo: SettingsRepository, events: EventPort, now: () => Date = () => new Date()): SettingsService {
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

  /** Writes the values in `patch` that differ; unchanged values are not written, so the log holds real changes only. */
  const write = (actorName: string, patch: Partial<Settings>): Settings => {
    const before = get();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const entries: (readonly [string, string])[] = [];
    for (const key of settingKeys) {
      const value = patch[key];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) continue;
      changes[key] = { from: before[key], to: value };
      entries.push([key, JSON.stringify(value)]);
    }
    if (entries.length === 0) return before;
    repo.writeMany(entries, now(), { actor: actorName, action: dataAuditActions.settingsChanged, entity: { type: 'settings', id: 'app' }, payload: { changes } });
    const settings = get();
    events.emit('settings:changed', settings);
    return settings;
  };

  return {
    get,
    update(actor, patch) {
      const refused = settingsRoleMayNotChange(actor.role, patch);
      if (refused.length > 0) {
        throw new AppError('forbidden', `Your role (${actor.role}) may not change ${refused.join(', ')}; only engineers and admins set the terminal's port and baud rate.`, refused[0], { reason: 'setting-role-not-allowed' });
      }
      return write(actor.username, patch);
    },
    updateDeviceDefault: (actorName, patch) => write(actorName, patch),
  };
}
