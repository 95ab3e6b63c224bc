import type Database from 'better-sqlite3';
import type { EventPort } from '../../../shared/ipc/event-port';
import { anonymousActor } from '../../../shared/audit/audit-actions';
import { auditedOn } from '../db/audited';
import type { FeatureModule } from '../ipc/compose-modules';
import { createPreferencesService } from './preferences-service';
import { createSettingsService, type SettingsService } from './settings-service';
import { createSqliteSettingsRepository } from './sqlite-settings-repository';

export interface SettingsModuleDeps {
  connection: () => Database.Database;
  events: EventPort;
  now: () => Date;
}

type SettingsChannel =
  | 'settings:get'
  | 'settings:update'
  | 'settings:update-device-default'
  | 'settings:support-contact'
  | 'settings:support-contact-update'
  | 'preferences:get'
  | 'preferences:update';

/** The install's settings and each operator's preferences; the settings service is handed on to the features that read settings. */
export function createSettingsModule(deps: SettingsModuleDeps): FeatureModule<SettingsChannel> & { service: SettingsService } {
  const repo = createSqliteSettingsRepository(deps.connection);
  const audited = auditedOn(deps.connection);
  const settings = createSettingsService({ repo, audited, events: deps.events, now: deps.now });
  const preferences = createPreferencesService({
    repo,
    audited,
    deviceDefault: () => settings.get(),
    now: deps.now,
  });
  return {
    service: settings,
    handlers: {
      'settings:get': () => settings.get(),
      'settings:update': (patch, { caller }) => settings.update(caller, patch),
      // Public: the screens before sign-in set the device default, audited as anonymous.
      'settings:update-device-default': (patch, { caller }) => settings.updateDeviceDefault(caller?.username ?? anonymousActor, patch),
      'settings:support-contact': () => settings.supportContact(),
      'settings:support-contact-update': (contact, { caller }) => settings.updateSupportContact(caller, contact),
      'preferences:get': (_input, { caller }) => preferences.get(caller),
      'preferences:update': (patch, { caller }) => preferences.update(caller, patch),
    },
  };
}
