// What every desk field validator returns: the value as it will be stored (normalised), the reasons
// it cannot be stored (errors) and the reasons to look twice that do not block it (warnings).
import { reason, type Reason, type ReasonParam } from '../../errors/reason';
import type { DeskReasonCode } from '../../errors/desk-reasons-en';

/** A reason a desk field validator gives. */
export type DeskReason = Reason<DeskReasonCode>;

export interface FieldCheck {
  /** The value normalised for storage: trimmed, full-width forms folded, codes upper-cased. */
  readonly value: string;
  readonly ok: boolean;
  readonly errors: readonly DeskReason[];
  readonly warnings: readonly DeskReason[];
}

/** A desk reason; typed by the catalog, so a code without English cannot be given. */
export function deskReason(code: DeskReasonCode, params: Record<string, ReasonParam> = {}): DeskReason {
  return reason(code, params);
}

export function accepted(value: string, warnings: readonly DeskReason[] = []): FieldCheck {
  return { value, ok: true, errors: [], warnings };
}

export function refused(value: string, errors: readonly DeskReason[], warnings: readonly DeskReason[] = []): FieldCheck {
  return errors.length === 0 ? accepted(value, warnings) : { value, ok: false, errors, warnings };
}

/**
 * A code as people type it, ready to check: NFKC folds full-width digits and letters (what a
 * Chinese input method gives, `９１３５…`) to ASCII; spaces anywhere are dropped; letters upper-cased.
 */
export function normaliseCode(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Free text trimmed, with full-width spaces treated as spaces; the characters themselves are kept. */
export function normaliseText(input: string): string {
  return input.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

// A reason's parameter shows what was typed; a pasted page would fill the message, so it is cut.
const SHOWN_MAX = 40;

/** `value` as a reason shows it: at most 40 characters, cut with an ellipsis. */
export function shown(value: string): string {
  const chars = Array.from(value);
  return chars.length <= SHOWN_MAX ? value : `${chars.slice(0, SHOWN_MAX - 1).join('')}…`;
}

// 1-based position, by code point, of the character at UTF-16 `index`.
function positionAt(value: string, index: number): number {
  return Array.from(value.slice(0, index)).length + 1;
}

/**
 * The first character of `value` that `disallowed` (a one-character pattern with the u flag, e.g.
 * `/[^0-9]/u`) matches, with its 1-based position by code point.
 */
export function firstCharacterMatching(value: string, disallowed: RegExp): { position: number; character: string } | undefined {
  const match = disallowed.exec(value);
  return match === null ? undefined : { position: positionAt(value, match.index), character: match[0] };
}

// Line breaks, tabs and other C0/C1 controls, the Unicode line separators and lone surrogates.
const CONTROL = /[\p{Cc}\p{Surrogate}\u2028\u2029]/u;

/** Position (1-based) of the first control character or lone surrogate, which no receipt or record should hold. */
export function firstControlCharacter(value: string): number | undefined {
  const match = CONTROL.exec(value);
  return match === null ? undefined : positionAt(value, match.index);
}
