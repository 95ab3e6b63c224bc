// The one statement cache of the main process. A prepared statement belongs to the connection that
// prepared it, and a restore closes the connection and opens a new one, so statements are kept per
// connection: a WeakMap lets a closed connection's statements go with it, and the new connection
// prepares its own on first use.
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>();

/** `sql` prepared once per connection. */
export function prepared<Params extends unknown[] = unknown[], Row = unknown>(db: Database.Database, sql: string): Database.Statement<Params, Row> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as unknown as Database.Statement<Params, Row>;
}

/** Runs cached statements on whichever connection is current; what a SQLite repository is built on. */
export interface Statements {
  /** The connection in use now (it changes when a backup is restored). */
  readonly db: () => Database.Database;
  run(sql: string, ...params: unknown[]): Database.RunResult;
  get<Row>(sql: string, ...params: unknown[]): Row | undefined;
  all<Row>(sql: string, ...params: unknown[]): Row[];
}

/** Cached statements over `connection()`, looked up anew at each call so a restore is followed. */
export function statementsOn(connection: () => Database.Database): Statements {
  return {
    db: connection,
    run: (sql, ...params) => prepared(connection(), sql).run(...params),
    get: <Row>(sql: string, ...params: unknown[]) => prepared<unknown[], Row>(connection(), sql).get(...params),
    all: <Row>(sql: string, ...params: unknown[]) => prepared<unknown[], Row>(connection(), sql).all(...params),
  };
}
