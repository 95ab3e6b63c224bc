import { existsSync, renameSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openAppDatabase, type OpenDatabaseOptions } from './open-database';

/** Owns the one open connection; a restore swaps the file underneath and reopens. */
export interface DatabaseHolder {
  readonly path: string;
  /** The open connection; throws after `close`. */
  current(): Database.Database;
  schemaVersion(): number;
  /** Closes the connection, moves `stagingPath` over the database file atomically and reopens it. */
  replaceFile(stagingPath: string): void;
  /** Closes the connection (checkpointing the WAL). Safe to call twice. */
  close(): void;
}

/** Opens the database at `path` and returns its holder. */
export function openDatabaseHolder(path: string, options: OpenDatabaseOptions): DatabaseHolder {
  let opened: ReturnType<typeof openAppDatabase> | null = openAppDatabase(path, options);

  const closeConnection = () => {
    if (opened && opened.db.open) opened.db.close();
    opened = null;
  };

  return {
    path,
    current() {
      if (!opened) throw new Error('The database is closed.');
      return opened.db;
    },
    schemaVersion() {
      if (!opened) throw new Error('The database is closed.');
      return opened.schemaVersion;
    },
    replaceFile(stagingPath) {
      closeConnection();
      // A clean close checkpoints and deletes the WAL; any leftover must not be replayed onto the new file.
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(path + suffix)) rmSync(path + suffix);
      }
      renameSync(stagingPath, path);
      opened = openAppDatabase(path, options);
    },
    close: closeConnection,
  };
}
