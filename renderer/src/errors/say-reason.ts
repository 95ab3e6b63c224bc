import type { Reason, ReasonParam } from '../../../shared/errors/reason';
import { i18n } from '../i18n';

/**
 * A reason main sent (an outcome's sentence, a refusal) in the user's language: nested reasons in
 * the parameters are said first. A code without a message is shown as the code, never dropped.
 */
export function sayReason(value: Reason): string {
  const { t, te } = i18n.global;
  const key = `errors.reasons.${value.code}`;
  return te(key) ? t(key, sayParams(value.params)) : value.code;
}

/** The parameters with nested reasons said in the user's language. */
export function sayParams(params: Record<string, ReasonParam> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) out[name] = typeof value === 'object' ? sayReason(value) : value;
  return out;
}
