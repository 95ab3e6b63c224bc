import { dataAuditActions } from '../../../shared/audit/audit-actions';
import type { Actor } from '../../../shared/auth/session';
import { preferenceKeys, preferencesSchema, type Preferences, type PreferencesPatch } from '../../../shared/settings/preferences';
import type { AuditedWrite } from '../db/audited';
import type { PreferencesRepository } from './preferences-repository';

/** Each operator's own language and theme. */
export interface PreferencesService {
  /** The operator's preferences: their own choice per key, else the device default. */
  get(actor: Actor): Preferences;
  /** Changes the operator's own preferences that differ, audited in the same transaction. */
  update(actor: Actor, patch: PreferencesPatch): Preferences;
}

export interface PreferencesServiceDeps {
  repo: PreferencesRepository;
  audited: AuditedWrite;
  /** The device default, for keys the operator has not chosen. */
  deviceDefault: () => Preferences;
  now?: () => Date;
}

export function createPreferencesService({ repo, audited, deviceDefault, now = () => new Date() }: PreferencesServiceDeps): PreferencesService {
  const get = (actor: Actor): Preferences => {
    const stored = repo.readFor(actor.operatorId);
    const fallback = deviceDefault();
    const merged: Record<string, unknown> = {};
    for (const key of preferenceKeys) {
      const raw = stored.get(key);
      const value: unknown = raw === undefined ? undefined : JSON.parse(raw);
      // A value this build does not understand (written by a newer app) falls back to the device default.
      merged[key] = preferencesSchema.shape[key].safeParse(value).success ? value : fallback[key];
    }
    return preferencesSchema.parse(merged);
  };

  return {
    get,
    update(actor, patch) {
      const before = get(actor);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const entries: (readonly [string, string])[] = [];
      for (const key of preferenceKeys) {
        const value = patch[key];
        // An unchanged value is not written: the log holds real changes, and a key that follows the device default keeps following it.
        if (value === undefined || value === before[key]) continue;
        changes[key] = { from: before[key], to: value };
        entries.push([key, JSON.stringify(value)]);
      }
      if (entries.length === 0) return before;
      const at = now();
      audited({ actor: actor.username, action: dataAuditActions.preferencesChanged, entity: { type: 'operator', id: actor.operatorId }, payload: { changes }, at }, () =>
        repo.writeFor(actor.operatorId, entries, at),
      );
      return get(actor);
    },
  };
}
