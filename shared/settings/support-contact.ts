// The desk's support contact, which an admin sets in Settings and the operating guide shows to
// everyone (renderer/src/features/help). Four plain fields, each stored as its own settings key, so
// the audit entry says "support phone: A → B" like any other setting. All four empty is "not set".
import { z } from 'zod';
import { reason, renderReason, type Reason } from '../errors/reason';
import { supportContactReasonsEnglish, type SupportContactReasonCode } from '../errors/support-contact-reasons-en';
import { firstCharacterMatching, firstControlCharacter } from '../desk/validators/field-check';

export const supportContactFields = ['supportName', 'supportPhone', 'supportEmail', 'supportHours'] as const;
/** One field of the support contact. */
export type SupportContactField = (typeof supportContactFields)[number];
/** The support contact as stored and shown; '' is a field left empty. */
export type SupportContact = Record<SupportContactField, string>;

export const SUPPORT_NAME_MAX = 60;
export const SUPPORT_HOURS_MAX = 100;
export const SUPPORT_EMAIL_MAX = 254;
const SUPPORT_PHONE_MAX = 40;
// What the input may carry at all: enough for any of the limits above plus stray spaces.
const INPUT_MAX = 400;

export const emptySupportContact: SupportContact = { supportName: '', supportPhone: '', supportEmail: '', supportHours: '' };

/** The contact as read back: four strings, possibly empty. */
export const supportContactSchema = z.strictObject({
  supportName: z.string().max(SUPPORT_NAME_MAX),
  supportPhone: z.string().max(SUPPORT_PHONE_MAX),
  supportEmail: z.string().max(SUPPORT_EMAIL_MAX),
  supportHours: z.string().max(SUPPORT_HOURS_MAX),
});

/** A problem with one field, said by reason. */
export interface SupportContactProblem {
  field: SupportContactField;
  reason: Reason<SupportContactReasonCode>;
}

const problem = (field: SupportContactField, code: SupportContactReasonCode, params: Record<string, string | number> = {}): SupportContactProblem => ({
  field,
  reason: reason(code, params),
});

// Trimmed, full-width forms folded (a Chinese input method types ０５９１ and ＠), inner runs of spaces one.
function normalise(value: string): string {
  return value.normalize('NFKC').replace(/[\s\u3000]+/g, ' ').trim();
}

// A desk line is often a service number (400/800, 95xxx) or an office landline with an extension,
// so this is looser than the merchant phone check: what a person can dial as written.
const PHONE_EXTENSION = /\s*(?:转|ext\.?|x|#)\s*[0-9]{1,6}$/i;
const PHONE_DISALLOWED = /[^0-9 ()+-]/u;

function phoneProblem(value: string): SupportContactProblem | undefined {
  const number = value.replace(PHONE_EXTENSION, '');
  const stray = firstCharacterMatching(number, PHONE_DISALLOWED) ?? (number.lastIndexOf('+') > 0 ? { character: '+' } : undefined);
  if (stray) return problem('supportPhone', 'support-phone-bad-character', { character: stray.character });
  const count = number.replace(/[^0-9]/g, '').length;
  return count < 5 || count > 20 ? problem('supportPhone', 'support-phone-digit-count', { count }) : undefined;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;

function textProblem(field: SupportContactField, raw: string, max: number, tooLong: SupportContactReasonCode): SupportContactProblem | undefined {
  const position = firstControlCharacter(raw.trim());
  if (position !== undefined) return problem(field, 'support-text-bad-character', { position });
  return Array.from(normalise(raw)).length > max ? problem(field, tooLong, { max }) : undefined;
}

/** What checking a contact gives: the normalised contact, or every problem by field. */
export type SupportContactCheck = { ok: true; value: SupportContact } | { ok: false; problems: SupportContactProblem[] };

/** Checks a contact as typed: each field, then that a contact given at all can be reached. */
export function checkSupportContact(input: SupportContact): SupportContactCheck {
  const value: SupportContact = {
    supportName: normalise(input.supportName),
    supportPhone: normalise(input.supportPhone),
    supportEmail: normalise(input.supportEmail),
    supportHours: normalise(input.supportHours),
  };
  const problems = [
    textProblem('supportName', input.supportName, SUPPORT_NAME_MAX, 'support-name-too-long'),
    textProblem('supportHours', input.supportHours, SUPPORT_HOURS_MAX, 'support-hours-too-long'),
    textProblem('supportPhone', input.supportPhone, SUPPORT_PHONE_MAX, 'support-phone-too-long') ?? (value.supportPhone === '' ? undefined : phoneProblem(value.supportPhone)),
    textProblem('supportEmail', input.supportEmail, SUPPORT_EMAIL_MAX, 'support-email-too-long') ??
      (value.supportEmail === '' || EMAIL.test(value.supportEmail) ? undefined : problem('supportEmail', 'support-email-bad', { email: value.supportEmail.slice(0, 40), example: 'desk@example.com' })),
  ].filter((found): found is SupportContactProblem => found !== undefined);
  const given = value.supportName !== '' || value.supportHours !== '';
  if (problems.length === 0 && given && value.supportPhone === '' && value.supportEmail === '') problems.push(problem('supportPhone', 'support-contact-unreachable'));
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}

/** True when no field is filled in: the guide then says "not set" and asks an admin. */
export function isSupportContactEmpty(contact: SupportContact): boolean {
  return supportContactFields.every((field) => contact[field] === '');
}

/**
 * The update channel's input: all four fields (empty clears one), checked by checkSupportContact;
 * each problem becomes a custom issue carrying its reason, so the router says it under its field.
 */
export const supportContactInputSchema = z
  .strictObject({
    supportName: z.string().max(INPUT_MAX),
    supportPhone: z.string().max(INPUT_MAX),
    supportEmail: z.string().max(INPUT_MAX),
    supportHours: z.string().max(INPUT_MAX),
  })
  .transform((input, ctx) => {
    const checked = checkSupportContact(input);
    if (checked.ok) return checked.value;
    for (const found of checked.problems) {
      ctx.addIssue({ code: 'custom', path: [found.field], message: renderReason(found.reason, supportContactReasonsEnglish), params: { reason: found.reason } });
    }
    return z.NEVER;
  });
