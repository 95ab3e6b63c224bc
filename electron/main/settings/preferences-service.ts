import { dataAuditActions } from '../../../shared/audit/audit-actions';
import type { Actor } from '../../../shared/auth/session';
import { preferenceKeys, preferencesSchema, type Preferences, type PreferencesPatch } from '../../../shared/settings/preferences';
import type { AuditedWrite } from '../db/audited';
import type { SettingsRepository } from './settings-repository';
import { readStoredValues, storedChange } from './stored-values';

/** Each operator's own language and theme. */
export interface PreferencesService {
  /** The operator's preferences: their own choice per key, else the device default. */
  get(actor: Actor): Preferences;
  /** Changes the operator's own preferences that differ, audited in the same transaction. */
  update(actor: Actor, patch: PreferencesPatch): Preferences;
}

export interface PreferencesServiceDeps {
  repo: SettingsRepository;
  audited: AuditedWrite;
  /** The device default, for keys the operator has not chosen. */
  deviceDefault: () => Preferences;
  now?: () => Date;
}

export function createPreferencesService({ repo, audited, deviceDefault, now = () => new Date() }: PreferencesServiceDeps): PreferencesService {
  const get = (actor: Actor): Preferences => preferencesSchema.parse(readStoredValues(repo.read({ operatorId: actor.operatorId }), preferencesSchema.shape, deviceDefault()));

  return {
    get,
    update(actor, patch) {
      const before = get(actor);
      const { changes, entries } = storedChange(preferenceKeys, before, patch);
      if (entries.length === 0) return before;
      const at = now();
      audited({ actor: actor.username, action: dataAuditActions.preferencesChanged, entity: { type: 'operator', id: actor.operatorId }, payload: { changes }, at }, () =>
        repo.write({ operatorId: actor.operatorId }, entries, at),
      );
      return get(actor);
    },
  };
}
