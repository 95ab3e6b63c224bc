import { describe, expect, it } from 'vitest';
import type { ChecklistStep, EvidenceAttachment } from '../../../../shared/checklist';
import { i18n } from '../../i18n';
import { summarizeAnswer } from './answer-summary';

const label = { 'zh-CN': '步骤', 'en-US': 'Step' };
const choice: ChecklistStep = { id: 'paper', kind: 'choice', label, required: true, options: [{ id: 'ok', label: { 'zh-CN': '正常', 'en-US': 'Fine' } }, { id: 'low', label: { 'zh-CN': '不足', 'en-US': 'Low' } }] };
const number: ChecklistStep = { id: 'signal', kind: 'number', label, required: true, min: -110, max: -40, decimals: 0, unit: 'dBm' };
const photo: EvidenceAttachment = { id: '0190a8d0-0000-7000-8000-000000000001', sha256: 'a'.repeat(64), fileName: 'front.jpg', mediaType: 'image/jpeg', size: 1000, createdAt: '2026-12-01T08:00:00Z', createdBy: 'zhou' };

describe('answer summary for the history', () => {
  it('says each kind of answer in the user\'s language', () => {
    i18n.global.locale.value = 'en-US';
    expect(summarizeAnswer({ kind: 'choice', optionId: 'low' }, choice, [], 'en-US')).toBe('Low');
    expect(summarizeAnswer({ kind: 'number', value: -72 }, number, [], 'en-US')).toBe('-72 dBm');
    expect(summarizeAnswer({ kind: 'evidence', attachmentIds: [photo.id] }, { ...choice, kind: 'tick' } as ChecklistStep, [photo], 'en-US')).toBe('1 file: front.jpg');
    expect(summarizeAnswer({ kind: 'tick', checked: false }, choice, [], 'en-US')).toBe('Not ticked');
    i18n.global.locale.value = 'zh-CN';
    expect(summarizeAnswer({ kind: 'choice', optionId: 'low' }, choice, [], 'zh-CN')).toBe('不足');
    expect(summarizeAnswer({ kind: 'tick', checked: true }, choice, [], 'zh-CN')).toBe('已勾选');
    expect(summarizeAnswer({ kind: 'text', text: '' }, choice, [], 'zh-CN')).toBe('（空）');
    expect(summarizeAnswer({ kind: 'signature', signer: 'merchant', signerName: '王芳', strokes: [], svg: '<svg/>', width: 1, height: 1 } as never, choice, [], 'zh-CN')).toBe('王芳（商户）签名');
  });

  it('names an option or a file by its id when the template or the evidence list no longer has it', () => {
    i18n.global.locale.value = 'en-US';
    expect(summarizeAnswer({ kind: 'choice', optionId: 'gone' }, choice, [], 'en-US')).toBe('gone');
    expect(summarizeAnswer({ kind: 'evidence', attachmentIds: [photo.id] }, choice, [], 'en-US')).toBe(`1 file: ${photo.id}`);
  });
});
