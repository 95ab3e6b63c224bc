import { describe, expect, it } from 'vitest';
import { checkTerminalDraft, emptyTerminalDraft, terminalDraftOf, terminalRecordOf } from './terminal-draft';

const merchantId = '0192d5e4-7b3a-7c1e-9f00-6f5e4d3c2b1a';
const modelId = '0192d5e4-7b3a-7c1e-9f00-1a2b3c4d5e6f';

describe('the terminal draft', () => {
  it('names each field left empty or wrong, by the form’s field name', () => {
    const checked = checkTerminalDraft({ ...emptyTerminalDraft(merchantId), tid: '1234567' });
    expect(checked.ok).toBe(false);
    expect(checked.errors).toEqual({
      modelId: { code: 'desk-field-required', params: {} },
      serial: { code: 'desk-field-required', params: {} },
      tid: { code: 'tid-bad-format', params: { value: '1234567' } },
      mid: { code: 'desk-field-required', params: {} },
      currentBank: { code: 'desk-field-required', params: {} },
    });
    expect(checked.errors.merchantId).toBeUndefined();
  });

  it('sends a complete terminal, leaving out an empty firmware, and reads a stored one back the same', () => {
    const draft = { modelId, serial: '1170012345', tid: '12345678', mid: '898350154110001', firmware: ' ', currentBank: 'acquirer-b', merchantId };
    expect(checkTerminalDraft(draft)).toEqual({ ok: true, errors: {} });
    const record = terminalRecordOf(draft);
    expect('firmware' in record).toBe(false);
    const stored = { ...draft, firmware: 'PayDroid 7.1.2', id: modelId, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', version: 1 };
    expect(terminalRecordOf(terminalDraftOf(stored))).toEqual({ ...record, firmware: 'PayDroid 7.1.2' });
  });
});
