import type { Migration } from '../migration';

/**
 * Who owns an open rebind operation (docs/rebind-engine.md §3.3): the process that runs it (a
 * random instance id, its pid and host name) and until when its lease holds. Operations journaled
 * before this migration have no owner, so any process may take them over (as before).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'rebind-owner',
  up(db) {
    db.exec(`
      ALTER TABLE rebind_operations ADD COLUMN owner_instance TEXT CHECK (owner_instance IS NULL OR length(owner_instance) BETWEEN 8 AND 64);
      ALTER TABLE rebind_operations ADD COLUMN owner_pid INTEGER CHECK (owner_pid IS NULL OR owner_pid > 0);
      ALTER TABLE rebind_operations ADD COLUMN owner_host TEXT CHECK (owner_host IS NULL OR length(owner_host) <= 255);
      ALTER TABLE rebind_operations ADD COLUMN lease_expires_at TEXT;
    `);
  },
};
