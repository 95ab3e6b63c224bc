// One answer said in a line, for a step's history (who, when, what): the earlier answers stay
// readable after the step is answered again.
import type { AnswerValue, ChecklistStep, EvidenceAttachment } from '../../../../shared/checklist';
import { reason } from '../../../../shared/errors/reason';
import { sayReason } from '../../errors/say-reason';
import { i18n } from '../../i18n';
import { localized } from './localized';

const TEXT_SHOWN = 120;

export function summarizeAnswer(value: AnswerValue, step: ChecklistStep, evidence: readonly EvidenceAttachment[], language: string): string {
  const { t } = i18n.global;
  switch (value.kind) {
    case 'auto':
      return value.passed ? t('checklist.answer.passed') : t('checklist.answer.notPassed');
    case 'tick':
      return value.checked ? t('checklist.answer.ticked') : t('checklist.answer.unticked');
    case 'number':
      return step.kind === 'number' && step.unit ? `${value.value} ${step.unit}` : String(value.value);
    case 'choice': {
      const option = step.kind === 'choice' ? step.options.find((o) => o.id === value.optionId) : undefined;
      return option ? localized(option.label, language) : value.optionId;
    }
    case 'text':
      if (value.text === '') return t('checklist.answer.emptyText');
      return value.text.length > TEXT_SHOWN ? `${value.text.slice(0, TEXT_SHOWN)}…` : value.text;
    case 'evidence': {
      if (value.attachmentIds.length === 0) return t('checklist.answer.noFiles');
      const names = value.attachmentIds.map((id) => evidence.find((e) => e.id === id)?.fileName ?? id);
      return t('checklist.answer.files', { count: names.length, names: names.join(', ') });
    }
    case 'signature':
      return t('checklist.answer.signed', { name: value.signerName, signer: sayReason(reason(`checklist-signer-${value.signer}`)) });
  }
}
