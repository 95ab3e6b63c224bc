import type { Role } from '../../../../shared/auth/roles';
import type { TrainingSeed } from '../../../../shared/training/training';

/** Where training begins for a role: the desk (and an admin) at the seeded case, an engineer at Today. */
export function trainingStartHash(role: Role, seed: TrainingSeed | null): string {
  if (role === 'engineer') return '#/today';
  return seed ? `#/cases/${seed.caseId}` : '#/cases';
}
