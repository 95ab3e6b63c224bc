import { AppError } from '../app-error';

/** Why a database file cannot be used. */
export type DatabaseFileProblem = 'not-sqlite' | 'foreign' | 'too-new' | 'damaged' | 'wrong-schema' | 'unreadable';

const advice: Record<DatabaseFileProblem, string> = {
  'not-sqlite': 'It is not a SQLite database. Nothing was changed; move the file away or choose another data directory.',
  foreign: 'It is a SQLite database of another application. Nothing was changed; choose another data directory.',
  'too-new': 'It was written by a newer RebindDesk. Nothing was changed; install that version or newer.',
  damaged: 'It failed the integrity check. Nothing was changed; restore a backup (Settings → Backup) or contact support.',
  'wrong-schema': 'Its tables, columns, indexes or triggers are not the ones this RebindDesk makes. Nothing was changed; move the file away and restore a backup, or contact support.',
  unreadable: 'It could not be read. Check the file permissions and free disk space, then start again.',
};

/** A database file that is refused, with a message that says what to do; the file is never modified. */
export class DatabaseFileError extends AppError {
  readonly problem: DatabaseFileProblem;
  readonly path: string;
  /** What exactly was found (SQLite's message, the schema differences), when known. */
  readonly detail: string | undefined;

  constructor(problem: DatabaseFileProblem, path: string, detail?: string) {
    super('database-error', `Database ${path}: ${advice[problem]}${detail ? ` (${detail})` : ''}`);
    this.name = 'DatabaseFileError';
    this.problem = problem;
    this.path = path;
    this.detail = detail;
  }
}
