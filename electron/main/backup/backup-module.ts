import { join } from 'node:path';
import type { EventPort } from '../../../shared/ipc/event-port';
import type { Settings } from '../../../shared/settings/settings';
import { attachmentsDirOf } from '../data-dir';
import { auditedOn } from '../db/audited';
import { openContentStore } from '../fs/content-store';
import { takeExclusiveHold } from '../db/data-dir-hold';
import type { DatabaseHolder } from '../db/database-holder';
import type { Migration } from '../db/migration';
import type { FeatureModule } from '../ipc/compose-modules';
import type { FilePicker } from '../platform/file-picker';
import { createAuditedBackups } from './audited-backups';
import { openBackupHistory } from './backup-history';
import { createBackupService } from './backup-service';

export interface BackupModuleDeps {
  database: DatabaseHolder;
  dataDir: string;
  picker: FilePicker;
  latestSchema: number;
  migrations: readonly Migration[];
  nativeBinding?: string | undefined;
  events: EventPort;
  now: () => Date;
  logError: (what: string, error: unknown) => void;
  /** Open rebind operations in the journal: a restore is refused while there are any. */
  countOpenOperations: () => number;
  rebindRunning: () => boolean;
  afterRestore: () => void;
  currentSettings: () => Settings;
}

export function createBackupModule(deps: BackupModuleDeps): FeatureModule<'backup:list' | 'backup:create' | 'backup:restore'> {
  const backups = createBackupService({
    holder: deps.database,
    history: openBackupHistory(join(deps.dataDir, 'backup-history.json')),
    picker: deps.picker,
    backupsDir: join(deps.dataDir, 'backups'),
    latestSchema: deps.latestSchema,
    migrations: deps.migrations,
    holdExclusively: () => takeExclusiveHold(deps.dataDir, deps.countOpenOperations),
    nativeBinding: deps.nativeBinding,
    now: deps.now,
    attachments: openContentStore(attachmentsDirOf(deps.dataDir)),
  });
  const auditedBackups = createAuditedBackups({ ...deps, audited: auditedOn(() => deps.database.current()), backups });
  return {
    handlers: {
      'backup:list': () => auditedBackups.list(),
      'backup:create': (input, { caller }) => auditedBackups.create(caller, input),
      'backup:restore': (input, { caller }) => auditedBackups.restore(caller, input),
    },
  };
}
