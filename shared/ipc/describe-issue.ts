import type { z } from 'zod';
import { reason, type Reason } from '../errors/reason';
import { supportContactFields } from '../settings/support-contact';

/** Fields the forms send, with a name in each catalog (`field-<name>`); others are named by their path. */
export const namedInputFields = ['username', 'displayName', 'password', 'currentPassword', 'newPassword', 'code', 'role', 'passphrase', 'reason', 'templateId', 'path', 'baudRate', 'language', 'theme', ...supportContactFields] as const;

/**
 * Turns the first zod issue into one line naming the field, e.g. `language: Invalid option …`, and
 * the same as a reason the renderer says in the user's language: the field's human name and what
 * to fix (too short, too long, not one of the choices, …).
 */
export function describeFirstIssue(error: z.ZodError): { field: string; message: string; reason: Reason } {
  const issue = error.issues[0];
  if (!issue) return { field: '(input)', message: 'invalid input', reason: reason('input-invalid', { field: reason('field-input') }) };
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return { field: issue.path.length > 0 ? field : keys, message: `unknown field(s): ${keys}`, reason: reason('input-unknown-fields', { keys }) };
  }
  // A field a desk validator refused (shared/desk/forms/) carries its own reason: say it, with the field.
  const refusal = issue.code === 'custom' ? carriedReason(issue.params) : undefined;
  if (refusal) return { field, message: issue.message, reason: reason('input-field-refused', { field: fieldName(issue.path), why: refusal }) };
  return { field, message: issue.message, reason: issueReason(issue, fieldName(issue.path)) };
}

function carriedReason(params: Record<string, unknown> | undefined): Reason | undefined {
  const carried = params?.reason as Partial<Reason> | undefined;
  return typeof carried?.code === 'string' && typeof carried.params === 'object' && carried.params !== null ? (carried as Reason) : undefined;
}

function fieldName(path: readonly PropertyKey[]): Reason {
  const last = path.at(-1);
  if (last === undefined) return reason('field-input');
  return (namedInputFields as readonly PropertyKey[]).includes(last) ? reason(`field-${String(last)}`) : reason('field-path', { path: path.map(String).join('.') });
}

function issueReason(issue: z.core.$ZodIssue, field: Reason): Reason {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? reason('input-too-short', { field, min: Number(issue.minimum) }) : reason('input-too-small', { field, min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? reason('input-too-long', { field, max: Number(issue.maximum) }) : reason('input-too-big', { field, max: Number(issue.maximum) });
    case 'invalid_format':
      return reason('input-bad-format', { field });
    case 'invalid_value':
      return reason('input-not-an-option', { field });
    case 'invalid_type':
      return reason('input-missing-or-wrong-type', { field });
    default:
      return reason('input-invalid', { field });
  }
}
