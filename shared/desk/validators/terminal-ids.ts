// A terminal's identifiers as the desk records them: TID and MID exactly as RTP/1 carries them
// (A001 an 8, A002 an 15: the terminal's own parameter check decides), the serial number from its
// label, and the code of its current acquirer (the bank templates' ids, e.g. `acquirer-b`).
import { parameterSpec } from '../../rtp/parameter-table';
import { Tag } from '../../rtp/tags';
import { accepted, deskReason, refused, shown, type FieldCheck } from './field-check';

// TIDs, MIDs and serials are compared exactly with what the terminal reports, so their case is
// kept; only full-width forms are folded and spaces dropped.
function withoutSpaces(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '');
}

function checkParameter(tag: number, code: 'tid-bad-format' | 'mid-bad-format', input: string): FieldCheck {
  const value = withoutSpaces(input);
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  return parameterSpec(tag)?.check(value) === undefined ? accepted(value) : refused(value, [deskReason(code, { value: shown(value) })]);
}

/** Checks a TID: 8 letters or digits (A001). */
export function checkTid(input: string): FieldCheck {
  return checkParameter(Tag.A001, 'tid-bad-format', input);
}

/** Checks a MID: 15 letters or digits (A002). */
export function checkMid(input: string): FieldCheck {
  return checkParameter(Tag.A002, 'mid-bad-format', input);
}

/**
 * Checks a serial number: 1 to 32 letters, digits, `-` or `_`. Its case is kept: the work order
 * compares it exactly with the serial the terminal reports in HELLO.
 */
export function checkTerminalSerial(input: string): FieldCheck {
  const value = withoutSpaces(input);
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  return /^[A-Za-z0-9_-]{1,32}$/.test(value) ? accepted(value) : refused(value, [deskReason('serial-bad-format')]);
}

/** Checks an acquirer code: the form of a bank template id (2 to 63 lower-case letters, digits, dashes). */
export function checkAcquirerCode(input: string): FieldCheck {
  const value = input.normalize('NFKC').trim();
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  return /^[a-z0-9][a-z0-9-]{1,62}$/.test(value) ? accepted(value) : refused(value, [deskReason('acquirer-code-bad-format', { value: shown(value) })]);
}
