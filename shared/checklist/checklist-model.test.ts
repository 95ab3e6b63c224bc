import { describe, expect, it } from 'vitest';
import { checkTemplate, checklistTemplateContentSchema, isSafeSignatureSvg, manualAnswerValueSchema, missingSteps, missingStepReasons, runOutcomeSchema, type ChecklistStep, type StepState } from '.';

const label = (en: string) => ({ 'zh-CN': `步骤 ${en}`, 'en-US': en });
const steps: ChecklistStep[] = [
  { id: 'identity', kind: 'auto', check: 'identity-matched', required: true, label: label('identity') },
  { id: 'powered', kind: 'tick', required: true, label: label('powered') },
  { id: 'signal', kind: 'number', min: -110, max: -40, decimals: 0, unit: 'dBm', required: false, label: label('signal') },
  { id: 'signature', kind: 'signature', signer: 'merchant', required: true, label: label('signature') },
];
const answer = (stepId: string, value: StepState['history'][number]['value']): StepState => {
  const stored = { id: '019a0000-0000-7000-8000-000000000001', runId: '019a0000-0000-7000-8000-000000000002', stepId, value, source: 'engineer' as const, answeredAt: '2026-12-01T10:00:00.000Z', answeredBy: 'eng', replaces: null };
  return { stepId, current: stored, history: [stored] };
};

describe('checklist templates', () => {
  it('parse with every step kind and refuse an unknown kind', () => {
    expect(checklistTemplateContentSchema.safeParse({ bankCode: 'acquirer-b', title: label('t'), steps }).success).toBe(true);
    expect(checklistTemplateContentSchema.safeParse({ bankCode: 'acquirer-b', title: label('t'), steps: [{ ...steps[1], kind: 'dance' }] }).success).toBe(false);
  });

  it('checkTemplate names duplicate step ids, duplicate options and an empty range by place', () => {
    const bad: ChecklistStep[] = [
      steps[1]!,
      { ...steps[1]!, label: label('again') },
      { id: 'range', kind: 'number', min: 5, max: 1, decimals: 0, required: false, label: label('r') },
      { id: 'pick', kind: 'choice', required: false, label: label('p'), options: [{ id: 'a', label: label('a') }, { id: 'a', label: label('b') }] },
    ];
    expect(checkTemplate(bad).map((r) => [r.code, r.params['position']])).toEqual([
      ['checklist-step-id-duplicate', 2],
      ['checklist-number-range-invalid', 3],
      ['checklist-option-id-duplicate', 4],
    ]);
    expect(checkTemplate(steps)).toEqual([]);
  });
});

describe('required steps', () => {
  it('block completion until answered; an automatic step must have passed; an optional step never blocks', () => {
    expect(missingSteps(steps, []).map((m) => [m.stepId, m.why])).toEqual([
      ['identity', 'not-passed'],
      ['powered', 'unanswered'],
      ['signature', 'unanswered'],
    ]);
    const facts = { check: 'identity-matched' as const, serialNumber: '1', model: 'S', tid: 'T', mismatches: ['tid'], overridden: true };
    const states = [answer('identity', { kind: 'auto', check: 'identity-matched', passed: false, operationId: 1, stepStatus: 'ok', facts }), answer('powered', { kind: 'tick', checked: false })];
    expect(missingSteps(steps, states).map((m) => m.stepId)).toEqual(['identity', 'powered', 'signature']);
    const done = [answer('identity', { kind: 'auto', check: 'identity-matched', passed: true, operationId: 1, stepStatus: 'ok', facts }), answer('powered', { kind: 'tick', checked: true })];
    expect(missingSteps(steps, done).map((m) => m.stepId)).toEqual(['signature']);
  });

  it('are refused with a count, then each step by place and id', () => {
    expect(missingStepReasons(missingSteps(steps, []))).toEqual([
      { code: 'checklist-required-missing', params: { count: 3 } },
      { code: 'checklist-step-not-passed', params: { position: 1, step: 'identity' } },
      { code: 'checklist-step-missing', params: { position: 2, step: 'powered' } },
      { code: 'checklist-step-missing', params: { position: 4, step: 'signature' } },
    ]);
  });
});

describe('answers and outcomes', () => {
  it('a failure needs a cause from the list and a text; restored needs a note', () => {
    expect(runOutcomeSchema.safeParse({ kind: 'failed', cause: 'merchant-absent', text: '商户不在场' }).success).toBe(true);
    expect(runOutcomeSchema.safeParse({ kind: 'failed', cause: 'bored', text: '商户不在场' }).success).toBe(false);
    expect(runOutcomeSchema.safeParse({ kind: 'failed', cause: 'other', text: '' }).success).toBe(false);
    expect(runOutcomeSchema.safeParse({ kind: 'restored' }).success).toBe(false);
    expect(runOutcomeSchema.safeParse({ kind: 'completed' }).success).toBe(true);
  });

  it('a signature keeps its strokes', () => {
    const stroke = { penColor: 'black', dotSize: 0, minWidth: 0.5, maxWidth: 2.5, velocityFilterWeight: 0.7, compositeOperation: 'source-over', points: [{ x: 1, y: 2, pressure: 0.5, time: 1 }] };
    const value = { kind: 'signature', signer: 'merchant', signerName: '王芳', strokes: [stroke], svg: '<svg></svg>', width: 300, height: 150 };
    expect(manualAnswerValueSchema.parse(value)).toEqual(value);
    expect(manualAnswerValueSchema.safeParse({ ...value, strokes: [] }).success).toBe(false);
  });
});

describe('isSafeSignatureSvg', () => {
  const drawn =
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 300 150" width="300" height="150">' +
    '<path d="M 10.000,20.000 C 11.000,21.000 12.000,22.000 13.000,23.000" stroke-width="2.250" stroke="black" fill="none" stroke-linecap="round"></path>' +
    '<circle r="1.5" cx="40" cy="50" fill="rgb(0, 0, 0)"></circle><line x1="1" y1="2" x2="3" y2="4" stroke="#000" stroke-width="3"></line></svg>';

  it('accepts what signature_pad draws', () => {
    expect(isSafeSignatureSvg(drawn)).toBe(true);
  });

  it.each([
    ['a script', drawn.replace('</svg>', '<script>alert(1)</script></svg>')],
    ['an event handler', drawn.replace('<circle ', '<circle onload="alert(1)" ')],
    ['an image link', drawn.replace('</svg>', '<image href="file:///etc/passwd"></image></svg>')],
    ['a javascript value', drawn.replace('fill="none"', 'fill="url(javascript:alert(1))"')],
    ['text', drawn.replace('</svg>', 'hello</svg>')],
    ['no svg at all', '<div></div>'],
  ])('refuses %s', (_what, svg) => {
    expect(isSafeSignatureSvg(svg)).toBe(false);
  });
});
