// Whether a manual answer fits its step: the kind, a number's range and decimals, a known option,
// a text's length, evidence files the step holds, the signer and a plain SVG. The run page checks
// before it sends; main checks again before it stores. Each refusal names the step by place and id.
import { reason, type Reason } from '../errors/reason';
import type { ManualAnswerValue } from './checklist-answers';
import type { ChecklistStep } from './checklist-steps';
import { isSafeSignatureSvg } from './signature-svg';

// Decimal places of a number as typed: 1.25 → 2, 3 → 0, 1e-7 → 7.
function decimalsOf(value: number): number {
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** Why `value` does not fit `step` (at `position`, 1-based), or null. `heldEvidence`: the ids the step's evidence holds now. */
export function checkAnswer(step: ChecklistStep, position: number, value: ManualAnswerValue, heldEvidence: ReadonlySet<string> = new Set()): Reason | null {
  const at = { position, step: step.id };
  if (step.kind === 'auto') return reason('checklist-step-automatic', at);
  if (step.kind !== value.kind) return reason('checklist-answer-kind-mismatch', { ...at, expected: step.kind, given: value.kind });
  switch (value.kind) {
    case 'number': {
      if (step.kind !== 'number') return null;
      if (value.value < step.min || value.value > step.max) return reason('checklist-number-out-of-range', { ...at, value: value.value, min: step.min, max: step.max });
      if (decimalsOf(value.value) > step.decimals) return reason('checklist-number-decimals', { ...at, value: value.value, decimals: step.decimals });
      return null;
    }
    case 'choice':
      return step.kind === 'choice' && !step.options.some((o) => o.id === value.optionId) ? reason('checklist-choice-unknown', { ...at, option: value.optionId }) : null;
    case 'text':
      return step.kind === 'text' && value.text.length > step.maxLength ? reason('checklist-text-too-long', { ...at, length: value.text.length, max: step.maxLength }) : null;
    case 'evidence': {
      if (step.kind !== 'evidence') return null;
      if (value.attachmentIds.length > step.maxFiles) return reason('checklist-evidence-too-many', { ...at, max: step.maxFiles });
      const unknown = value.attachmentIds.find((id) => !heldEvidence.has(id));
      return unknown === undefined ? null : reason('checklist-evidence-unknown', { ...at, attachment: unknown });
    }
    case 'signature':
      if (step.kind !== 'signature') return null;
      if (value.signer !== step.signer) return reason('checklist-signature-signer', { ...at, expected: reason(`checklist-signer-${step.signer}`), given: reason(`checklist-signer-${value.signer}`) });
      return isSafeSignatureSvg(value.svg) ? null : reason('checklist-signature-unsafe', at);
    default:
      return null;
  }
}
