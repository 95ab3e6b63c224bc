// The few reads and writes training does on the training file directly: the real operators copied
// in (bookings and profiles name them; their passwords never leave the real file) and the seeded
// case found again.
import type { Role } from '../../../shared/auth/roles';

/** An operator as the training file keeps them: a name and a role, nothing to sign in with. */
export interface TrainingPerson {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
}

/** The seeded training case, if it is still open. */
export interface SeededCase {
  caseId: string;
  merchantName: string;
  serial: string;
}

export interface TrainingRepository {
  /** Inserts or updates each person by id; returns how many rows changed. */
  copyPeople(people: readonly TrainingPerson[]): number;
  /** Operator ids that have an engineer profile in the training file. */
  profiledOperatorIds(): Set<number>;
  /** True when the training file holds no case yet (a new or reset file). */
  isEmpty(): boolean;
  /** The oldest case that is not closed or cancelled, with its merchant and terminal. */
  openCase(): SeededCase | null;
}
