import { userInfo } from 'node:os';
import { cliActor } from '../../shared/audit/audit-actions';

/** The actor the CLI writes in journals and audit entries: `cli:<os user>`, the one place it is made. */
export function currentCliActor(): string {
  try {
    return cliActor(userInfo().username);
  } catch {
    // No passwd entry for the uid (some containers): still the CLI, of an unknown user.
    return cliActor('');
  }
}
