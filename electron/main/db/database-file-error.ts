import { reason } from '../../../shared/errors/reason';
import { AppError } from '../app-error';

/** Why a database file cannot be used. */
export type DatabaseFileProblem = 'not-sqlite' | 'foreign' | 'too-new' | 'damaged' | 'wrong-schema' | 'unreadable';

// What each problem says (shared/errors/storage-reasons-en.ts); what was found is a raw, labelled `{detail}`.
const reasonOf: Record<DatabaseFileProblem, `database-${DatabaseFileProblem}`> = {
  'not-sqlite': 'database-not-sqlite',
  foreign: 'database-foreign',
  'too-new': 'database-too-new',
  damaged: 'database-damaged',
  'wrong-schema': 'database-wrong-schema',
  unreadable: 'database-unreadable',
};

/** A database file that is refused, with a message that says what to do; the file is never modified. */
export class DatabaseFileError extends AppError {
  readonly problem: DatabaseFileProblem;
  readonly path: string;
  /** What exactly was found (SQLite's message, the schema differences), when known. */
  readonly detail: string | undefined;

  constructor(problem: DatabaseFileProblem, path: string, detail?: string) {
    super('database-error', reason(reasonOf[problem], { path, ...(problem === 'not-sqlite' ? {} : { detail: detail ?? '?' }) }));
    this.name = 'DatabaseFileError';
    this.problem = problem;
    this.path = path;
    this.detail = detail;
  }
}
