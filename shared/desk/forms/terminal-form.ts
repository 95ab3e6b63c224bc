// The terminal form: a terminal as the desk records it, for the IPC contract and the CSV import.
import { z } from 'zod';
import { recordIdSchema } from '../model/ids';
import { deskReason, refused, shown, type FieldCheck } from '../validators/field-check';
import { checkAcquirerCode, checkMid, checkTerminalSerial, checkTid } from '../validators/terminal-ids';
import { checkedField, fieldProblemsOf, optionalTextField, type FormCheck } from './form-fields';

/** The longest firmware text, as HELLO's F006 reports it (the gate reads up to 128). */
export const firmwareMaxLength = 128;

function checkRecordRef(input: string): FieldCheck {
  const value = input.trim();
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  return refused(value, recordIdSchema.safeParse(value).success ? [] : [deskReason('desk-record-ref-bad', { value: shown(value) })]);
}

/** The terminal form's schema. */
export const terminalFormSchema = z.strictObject({
  modelId: checkedField(checkRecordRef),
  serial: checkedField(checkTerminalSerial),
  tid: checkedField(checkTid),
  mid: checkedField(checkMid),
  firmware: optionalTextField(firmwareMaxLength),
  currentBank: checkedField(checkAcquirerCode),
  merchantId: checkedField(checkRecordRef),
});

/** A terminal form as entered. */
export type TerminalFormInput = z.input<typeof terminalFormSchema>;
/** A terminal form as stored. */
export type TerminalForm = z.output<typeof terminalFormSchema>;

/** Checks a terminal form: the stored value, or every field's problem. */
export function checkTerminalForm(input: unknown): FormCheck<TerminalForm> {
  const parsed = terminalFormSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data, warnings: [] } : { ok: false, errors: fieldProblemsOf(parsed.error), warnings: [] };
}
