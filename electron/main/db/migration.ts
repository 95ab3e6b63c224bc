import type Database from 'better-sqlite3';

/** One numbered schema step; `up` runs inside the migration transaction and must not await. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
