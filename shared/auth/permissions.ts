import type { Role } from './roles';

/**
 * Actions guarded inside services as well as at the router, so a service called from somewhere
 * else (a CLI, a test, a future sync job) cannot skip the check. Revealing an encrypted field is
 * decided per field (see the main process's encrypted-column list), not here.
 */
export const permissionRoles = {
  'operators.manage': ['admin'],
  'security.policy': ['admin'],
  'audit.read': ['admin'],
  'keys.rotate': ['admin'],
  // Secret values read from a terminal (the key check value): shown masked, revealed on request.
  'terminal.reveal-secrets': ['engineer', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

/** A guarded action. */
export type Permission = keyof typeof permissionRoles;

/** True when `role` may perform `permission`. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}
