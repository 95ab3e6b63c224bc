import { describe, expect, it } from 'vitest';
import { checkTerminalForm, terminalFormSchema } from './terminal-form';

const valid = {
  modelId: '0192d5e4-7b3a-7c1e-9f00-1a2b3c4d5e6f',
  serial: '1170012345',
  tid: '12345678',
  mid: '898350154110001',
  firmware: 'PayDroid 7.1.2',
  currentBank: 'acquirer-a',
  merchantId: '0192d5e4-7b3a-7c1e-9f00-6f5e4d3c2b1a',
};

const fields = (result: ReturnType<typeof checkTerminalForm>) => (result.ok ? [] : result.errors.map((problem) => `${problem.field}:${problem.reason.code}`));

describe('the terminal form', () => {
  it('accepts a complete form, firmware optional', () => {
    expect(checkTerminalForm(valid)).toEqual({ ok: true, value: valid, warnings: [] });
    const { firmware: _firmware, ...withoutFirmware } = valid;
    expect(checkTerminalForm(withoutFirmware).ok).toBe(true);
    expect(checkTerminalForm({ ...valid, firmware: '' })).toMatchObject({ ok: true, value: { firmware: undefined } });
  });

  it('names every refused field with its reason', () => {
    const result = checkTerminalForm({ modelId: 'pax-a920', serial: 'SN/1', tid: '1234567', mid: '8983501541100', firmware: 'x'.repeat(129), currentBank: 'Acquirer A', merchantId: '' });
    expect(fields(result)).toEqual([
      'modelId:desk-record-ref-bad',
      'serial:serial-bad-format',
      'tid:tid-bad-format',
      'mid:mid-bad-format',
      'firmware:desk-field-too-long',
      'currentBank:acquirer-code-bad-format',
      'merchantId:desk-field-required',
    ]);
  });

  it('refuses unknown keys and is usable as a zod schema for the IPC contract', () => {
    expect(fields(checkTerminalForm({ ...valid, batch: 3 }))).toEqual(['batch:desk-field-unknown']);
    expect(terminalFormSchema.safeParse(valid).success).toBe(true);
  });
});
