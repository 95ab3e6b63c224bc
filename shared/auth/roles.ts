import { z } from 'zod';

/** Operator roles: support desk, on-site engineer, administrator. */
export const roles = ['desk', 'engineer', 'admin'] as const;
/** One operator role. */
export type Role = (typeof roles)[number];
/** Parses a role. */
export const roleSchema = z.enum(roles);

/**
 * A desk lead: a desk operator an admin has marked as lead (the operator's `deskLead` flag). Not a
 * role of its own: a lead does all a desk operator does, and the lead's channels (the Reports page)
 * name `desk-lead` beside the roles. Only a desk operator can be one (docs/reports.md#roles).
 */
export const deskLead = 'desk-lead';

/** A role, or `desk-lead`, as a channel's list names them. */
export type AccessHolder = Role | typeof deskLead;

/**
 * Who may call a contract channel:
 * - `'public'`: anyone, signed in or not (sign-in itself, first-admin set-up, app info);
 * - `'session'`: any session, even one that must still change its password or enrol in two-factor
 *   sign-in (so it can do exactly that, or sign out);
 * - `'signed-in'`: a complete session of any role;
 * - a list of roles: a complete session of one of them (`desk-lead`: a desk operator marked lead).
 */
export type ChannelRoles = readonly AccessHolder[] | 'public' | 'session' | 'signed-in';

/** Steps a session must finish before it may do anything else. */
export interface PendingSteps {
  /** Signed in with a temporary password: must choose a new one. */
  passwordChange: boolean;
  /** The role requires two-factor sign-in and the operator has not enrolled yet. */
  twoFactorEnrolment: boolean;
}

/** What the access check needs to know about the caller; null when nobody is signed in. */
export interface CallerView {
  role: Role;
  pending: PendingSteps;
  /** A desk operator an admin marked as lead; counts only with the role desk. */
  deskLead?: boolean;
}

/** Why a call was refused, for the router's `forbidden` message and the renderer's redirect. */
export const accessRefusals = ['sign-in-required', 'password-change-required', 'two-factor-enrolment-required', 'role-not-allowed'] as const;
/** One of the access refusals. */
export type AccessRefusal = (typeof accessRefusals)[number];

/** The answer of `checkChannelAccess`. */
export type AccessDecision = { allowed: true } | { allowed: false; reason: AccessRefusal; message: string };

/** Decides whether `caller` may call a channel that requires `required`; the router asks this before any service code runs. */
export function checkChannelAccess(required: ChannelRoles, caller: CallerView | null): AccessDecision {
  if (required === 'public') return { allowed: true };
  if (!caller) return refuse('sign-in-required', 'Sign in first.');
  if (required === 'session') return { allowed: true };
  if (caller.pending.passwordChange) {
    return refuse('password-change-required', 'Choose a new password first: you signed in with a temporary one.');
  }
  if (caller.pending.twoFactorEnrolment) {
    return refuse('two-factor-enrolment-required', 'Set up two-factor sign-in first: your role requires it.');
  }
  if (required === 'signed-in' || required.includes(caller.role)) return { allowed: true };
  if (caller.role === 'desk' && caller.deskLead === true && required.includes(deskLead)) return { allowed: true };
  return refuse('role-not-allowed', `Your role (${caller.role}) may not do this; it needs ${required.join(' or ')}.`);
}

function refuse(reason: AccessRefusal, message: string): AccessDecision {
  return { allowed: false, reason, message };
}
