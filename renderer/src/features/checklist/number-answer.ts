// A number typed for a number step, checked as main checks it (range, decimal places) before it is
// sent, so the engineer hears what to fix at once; main checks again.
import type { ChecklistStepOf } from '../../../../shared/checklist';

export type NumberCheck = { ok: true; value: number } | { ok: false; problem: 'notANumber' | 'outOfRange' | 'tooManyDecimals' };

/** The typed text as the step's answer, or what is wrong with it. A comma is read as the decimal point. */
export function checkNumber(text: string, step: ChecklistStepOf<'number'>): NumberCheck {
  const typed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(typed)) return { ok: false, problem: 'notANumber' };
  const value = Number(typed);
  if (value < step.min || value > step.max) return { ok: false, problem: 'outOfRange' };
  const decimals = typed.includes('.') ? typed.split('.')[1]!.replace(/0+$/, '').length : 0;
  return decimals > step.decimals ? { ok: false, problem: 'tooManyDecimals' } : { ok: true, value };
}
