import { describe, expect, it } from 'vitest';
import { renderReason } from '../errors/reason';
import { checkParameterFile, problemsReason } from '../rebind/parameter-file';
import { parameterReasonsEnglish } from './parameter-reasons-en';
import { validateParameterSet, validateParameterValue } from './parameter-set';
import { PARAMETERS } from './parameter-table';

// A parameter problem is a reason code naming the field by tag and by meaning, so the On-site form
// says it in the user's language; its English (the CLI, the simulator) is said from the same code.
const english = (value: Parameters<typeof renderReason>[0]) => renderReason(value, parameterReasonsEnglish);

describe('parameter problems as reason codes', () => {
  it('names the field by its tag and its meaning, and says what the value must be', () => {
    const problem = validateParameterValue('A001', '1234567');
    expect(problem?.reason).toEqual({
      code: 'parameter-problem',
      params: { tag: 'A001', name: { code: 'parameter-name-A001', params: {} }, problem: { code: 'value-letters-or-digits', params: { count: 8 } } },
    });
    expect(english(problem!.reason)).toBe('A001 TID must be 8 letters or digits');
  });

  it('has a meaning name for every parameter of PROTOCOL.md §4, the same as the table English', () => {
    for (const spec of PARAMETERS) expect(parameterReasonsEnglish[`parameter-name-${spec.code}` as keyof typeof parameterReasonsEnglish], spec.code).toBe(spec.name);
  });

  it.each([
    ['A002', '89831004814000', 'value-letters-or-digits', { count: 15 }],
    ['A003', 'x'.repeat(41), 'value-text-bytes', { max: 40 }],
    ['A008', '600003000', 'value-hex-digits', { count: 10 }],
    ['A00B', '5', 'value-communication-mode', {}],
    ['A010', '12345', 'value-digits-between', { min: 6, max: 11 }],
    ['A011', 'host', 'value-host-port', {}],
    ['A014', '541', 'value-digits', { count: 4 }],
    ['A016', '2', 'value-zero-or-one', {}],
  ])('%s=%s is refused as %s with its figures, and its message is the reason in English', (tag, value, code, params) => {
    const problem = validateParameterValue(tag, value)!;
    expect(problem.reason.params['problem']).toEqual({ code, params });
    expect(problem.reason.params['name']).toEqual({ code: `parameter-name-${tag}`, params: {} });
    expect(problem.message).toBe(english(problem.reason));
  });

  it('codes what a whole set lacks or must not hold', () => {
    const missing = validateParameterSet({ A001: '12345678' })!;
    expect(missing.reason).toMatchObject({ code: 'parameter-problem', params: { tag: 'A002', problem: { code: 'value-missing' } } });
    expect(validateParameterSet({ TID: '1' })?.reason).toEqual({ code: 'parameter-key-not-a-tag', params: { key: 'TID' } });
    expect(validateParameterSet({ A000: 'x' })?.reason).toEqual({ code: 'parameter-tag-unknown', params: { tag: 'A000' } });
  });

  it('codes every problem of a parameter file, and joins them into one reason', () => {
    const checked = checkParameterFile({ A001: 7, A009: '000001', B000: 'x' });
    if (checked.ok) throw new Error('the file should be refused');
    const codes = checked.problems.map((p) => (p.reason.params['problem'] as { code: string } | undefined)?.code ?? p.reason.code);
    expect(codes).toEqual(expect.arrayContaining(['value-not-json-string', 'value-volatile-leave-out', 'parameter-tag-unknown-file', 'value-missing']));
    for (const p of checked.problems) expect(p.message).toBe(english(p.reason));
    expect(english(problemsReason(checked.problems))).toBe(checked.problems.map((p) => p.message).join('; '));
    const notObject = checkParameterFile([]);
    expect(notObject.ok ? null : notObject.problems[0]!.reason.code).toBe('parameter-file-not-object');
  });
});
