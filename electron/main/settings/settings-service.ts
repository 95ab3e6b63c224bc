import { reason } from '../../../shared/errors/reason';
import { dataAuditActions } from '../../../shared/audit/audit-actions';
import type { Actor } from '../../../shared/auth/session';
import type { PreferencesPatch } from '../../../shared/settings/preferences';
import { emptySupportContact, supportContactFields, supportContactSchema, type SupportContact } from '../../../shared/settings/support-contact';
import { defaultSettings, settingKeys, settingsRoleMayNotChange, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings/settings';
import { AppError } from '../app-error';
import type { EventPort } from '../../../shared/ipc/event-port';
import type { AuditedWrite } from '../db/audited';
import type { SettingsRepository } from './settings-repository';
import { readStoredValues, storedChange } from './stored-values';

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
  /** The desk's support contact, shown on the operating guide; all fields empty when not set. */
  supportContact(): SupportContact;
  /**
   * Replaces the support contact (already checked by the channel's schema) with the fields that
   * differ, audited as a settings change in the same transaction. The channel is admin-only.
   */
  updateSupportContact(actor: Actor, contact: SupportContact): SupportContact;
}

export interface SettingsServiceDeps {
  repo: SettingsRepository;
  audited: AuditedWrite;
  events: EventPort;
  now?: () => Date;
}

export function createSettingsService({ repo, audited, events, now = () => new Date() }: SettingsServiceDeps): SettingsService {
  const get = (): Settings => settingsSchema.parse(readStoredValues(repo.read('device'), settingsSchema.shape, defaultSettings));

  const write = (actorName: string, patch: Partial<Settings>): Settings => {
    const before = get();
    const { changes, entries } = storedChange(settingKeys, before, patch);
    if (entries.length === 0) return before;
    const at = now();
    audited({ actor: actorName, action: dataAuditActions.settingsChanged, entity: { type: 'settings', id: 'app' }, payload: { changes }, at }, () =>
      repo.write('device', entries, at),
    );
    const settings = get();
    events.emit('settings:changed', settings);
    return settings;
  };

  // Stored beside the device's settings, one key per field, but not part of `Settings`: the
  // screens before sign-in read those publicly, and the contact is for signed-in operators.
  const supportContact = (): SupportContact => supportContactSchema.parse(readStoredValues(repo.read('device'), supportContactSchema.shape, emptySupportContact));

  return {
    get,
    supportContact,
    updateSupportContact(actor, contact) {
      const { changes, entries } = storedChange(supportContactFields, supportContact(), contact);
      if (entries.length === 0) return supportContact();
      const at = now();
      audited({ actor: actor.username, action: dataAuditActions.settingsChanged, entity: { type: 'settings', id: 'support-contact' }, payload: { changes }, at }, () =>
        repo.write('device', entries, at),
      );
      return supportContact();
    },
    update(actor, patch) {
      const refused = settingsRoleMayNotChange(actor.role, patch);
      if (refused.length > 0) {
        throw new AppError('forbidden', reason('setting-role-not-allowed'), refused[0]);
      }
      return write(actor.username, patch);
    },
    updateDeviceDefault: (actorName, patch) => write(actorName, patch),
  };
}
