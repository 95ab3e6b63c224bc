// A template being edited: new steps of each kind, a step's kind changed (what both kinds share is
// kept), and what is wrong before it is sent (the schema's rules by step and field, then
// checkTemplate's). Main checks the same again when it saves.
import { checkTemplate, checklistTemplateContentSchema, type ChecklistStep, type ChecklistStepKind, type ChecklistTemplateContent } from '../../../../shared/checklist';
import type { Reason } from '../../../../shared/errors/reason';

const blank = { 'zh-CN': '', 'en-US': '' };

/** A step of `kind` with the base fields given (id, label, hint, required) and that kind's defaults. */
export function stepOfKind(kind: ChecklistStepKind, base: Pick<ChecklistStep, 'id' | 'label' | 'required'> & { hint?: ChecklistStep['hint'] }): ChecklistStep {
  const common = { id: base.id, label: base.label, required: base.required, ...(base.hint ? { hint: base.hint } : {}) };
  switch (kind) {
    case 'auto':
      return { ...common, kind, check: 'identity-matched' };
    case 'tick':
      return { ...common, kind };
    case 'number':
      return { ...common, kind, min: 0, max: 100, decimals: 0 };
    case 'choice':
      return { ...common, kind, options: [{ id: 'yes', label: { ...blank } }, { id: 'no', label: { ...blank } }] };
    case 'text':
      return { ...common, kind, maxLength: 500, multiline: true };
    case 'evidence':
      return { ...common, kind, accept: ['image/jpeg', 'image/png'], maxFiles: 3 };
    case 'signature':
      return { ...common, kind, signer: 'merchant' };
  }
}

/** A new step at the end: an id not taken yet (`step-<n>`), empty labels. */
export function newStep(steps: readonly ChecklistStep[], kind: ChecklistStepKind = 'tick'): ChecklistStep {
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `step-${n}`)) n += 1;
  return stepOfKind(kind, { id: `step-${n}`, label: { ...blank }, required: false });
}

/** `items` with the one at `index` moved by `by` places (kept inside the list). */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

/** One field the schema refuses, by its step's place (null: the template's own, e.g. its title). */
export interface FieldProblem {
  position: number | null;
  field: string;
}

/** What is wrong with the draft: fields the schema refuses, then the cross-step rules, as reasons. */
export function draftProblems(content: ChecklistTemplateContent): { fields: FieldProblem[]; rules: Reason[] } {
  const parsed = checklistTemplateContentSchema.safeParse(content);
  const fields: FieldProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, index, ...rest] = issue.path;
      const problem = top === 'steps' && typeof index === 'number' ? { position: index + 1, field: String(rest[0] ?? 'step') } : { position: null, field: String(top ?? 'template') };
      if (!fields.some((f) => f.position === problem.position && f.field === problem.field)) fields.push(problem);
    }
  }
  return { fields, rules: checkTemplate(content.steps) };
}
