import type { Migration } from '../migration';
import { migration0001 } from './0001-settings';

/** Every migration, in order. Append only: a released migration never changes. */
export const migrations: readonly Migration[] = [migration0001];

/** The schema version this build writes. */
export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
