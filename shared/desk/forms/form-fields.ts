// zod fields built from the desk validators, and zod's issues turned into field-level problems.
// A refused field becomes a custom issue that carries its reason (params.reason), so the IPC
// router, the CSV import and the renderer all say the validator's words, under the right field.
import { z } from 'zod';
import { renderReason, type Reason } from '../../errors/reason';
import { deskReasonsEnglish } from '../../errors/desk-reasons-en';
import { deskReason, firstControlCharacter, normaliseText, refused, type FieldCheck } from '../validators/field-check';

/** A problem with one field: its dotted path (`settlement.accountNo`) and why. */
export interface FormFieldProblem {
  field: string;
  reason: Reason;
}

/** What checking a whole form gives: the parsed value, or the errors; warnings either way. */
export type FormCheck<T> = { ok: true; value: T; warnings: FormFieldProblem[] } | { ok: false; errors: FormFieldProblem[]; warnings: FormFieldProblem[] };

// A refused value's reasons become custom issues carrying them; zod's message is the English.
function report(result: FieldCheck, ctx: z.RefinementCtx): string {
  for (const error of result.errors) ctx.addIssue({ code: 'custom', message: renderReason(error, deskReasonsEnglish), params: { reason: error } });
  return result.ok ? result.value : z.NEVER;
}

/**
 * A required field checked by a desk validator; its output is the normalised value. A missing key
 * is a field left empty: the key is optional in the input type only so that its absence gets that
 * reason instead of zod's "expected string".
 */
export function checkedField(check: (value: string) => FieldCheck) {
  return z
    .string()
    .optional()
    .transform((input, ctx) => report(check(input ?? ''), ctx));
}

/** An optional field checked by a desk validator when given; empty is absent. */
export function optionalCheckedField(check: (value: string) => FieldCheck) {
  return z
    .string()
    .optional()
    .transform((input, ctx) => (input === undefined || normaliseText(input) === '' ? undefined : report(check(input), ctx)));
}

/** Checks free text (names, addresses): trimmed, not empty, at most `max` characters, no control character. */
export function checkText(max: number): (input: string) => FieldCheck {
  return (input) => {
    const value = normaliseText(input);
    if (value === '') return refused(value, [deskReason('desk-field-required')]);
    if (Array.from(value).length > max) return refused(value, [deskReason('desk-field-too-long', { max })]);
    const control = firstControlCharacter(value);
    return refused(value, control === undefined ? [] : [deskReason('desk-field-bad-character', { position: control })]);
  };
}

/** A required free-text field. */
export function textField(max: number) {
  return checkedField(checkText(max));
}

/** An optional free-text field; empty is absent. */
export function optionalTextField(max: number) {
  return optionalCheckedField(checkText(max));
}

function isReason(value: unknown): value is Reason {
  return typeof value === 'object' && value !== null && typeof (value as Reason).code === 'string' && typeof (value as Reason).params === 'object';
}

/** The field-level problems of a failed parse, one per issue, in the order zod found them. */
export function fieldProblemsOf(error: z.ZodError): FormFieldProblem[] {
  return error.issues.flatMap((issue): FormFieldProblem[] => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'custom' && isReason(issue.params?.reason)) return [{ field, reason: issue.params.reason }];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: field === '' ? key : `${field}.${key}`, reason: deskReason('desk-field-unknown', { field: key }) }));
    if (issue.code === 'invalid_type') return [{ field, reason: deskReason(issue.path.length === 0 || issue.expected === 'object' ? 'desk-field-required' : 'desk-field-wrong-type') }];
    return [{ field, reason: deskReason('desk-field-invalid') }];
  });
}
