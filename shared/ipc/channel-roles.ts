import type { Role } from '../auth/roles';

/** Channels only an administrator may call. */
export const adminOnly = ['admin'] as const satisfies readonly Role[];

/**
 * The Terminal page's channels: engineers on site and admins. The desk takes requests and books
 * visits; it does not drive terminals, so it does not even list ports.
 */
export const terminalRoles = ['engineer', 'admin'] as const satisfies readonly Role[];

/** The desk's paperwork: desk staff and admins. */
export const deskRoles = ['desk', 'admin'] as const satisfies readonly Role[];

/** Reading merchants and terminals: the desk, and engineers on site (the short name, the terminal). */
export const deskReadRoles = ['desk', 'engineer', 'admin'] as const satisfies readonly Role[];
