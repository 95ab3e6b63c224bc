import { describe, expect, it } from 'vitest';
import type { ChecklistTemplateContent } from '../../../../shared/checklist';
import { draftProblems, moved, newStep, stepOfKind } from './template-draft';

const label = { 'zh-CN': '已贴标识', 'en-US': 'Sticker applied' };
const content = (steps: ChecklistTemplateContent['steps']): ChecklistTemplateContent => ({ bankCode: 'acquirer-b', title: { 'zh-CN': '检查单', 'en-US': 'Checklist' }, steps });

describe('template draft', () => {
  it('changes a step\'s kind keeping its id, labels and required, with the new kind\'s defaults', () => {
    const tick = stepOfKind('tick', { id: 'sticker', label, required: true });
    expect(stepOfKind('number', tick)).toEqual({ id: 'sticker', label, required: true, kind: 'number', min: 0, max: 100, decimals: 0 });
    expect(stepOfKind('signature', tick)).toMatchObject({ id: 'sticker', kind: 'signature', signer: 'merchant' });
  });

  it('adds a step with an id not taken and moves steps within the list', () => {
    const steps = [stepOfKind('tick', { id: 'step-2', label, required: false })];
    expect(newStep(steps).id).toBe('step-3');
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('names the fields the schema refuses by step, and the cross-step rules as reasons', () => {
    const good = stepOfKind('tick', { id: 'sticker', label, required: true });
    expect(draftProblems(content([good]))).toEqual({ fields: [], rules: [] });
    const emptyLabel = { ...good, id: 'empty', label: { 'zh-CN': '', 'en-US': 'x' } };
    const badRange = { ...stepOfKind('number', { id: 'signal', label, required: false }), min: 10, max: 1 };
    const problems = draftProblems(content([good, emptyLabel, badRange as never, { ...good }]));
    expect(problems.fields).toEqual([{ position: 2, field: 'label' }]);
    expect(problems.rules.map((r) => r.code)).toEqual(['checklist-number-range-invalid', 'checklist-step-id-duplicate']);
    expect(draftProblems(content([])).fields).toEqual([{ position: null, field: 'steps' }]);
  });
});
