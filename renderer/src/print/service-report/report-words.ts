// Everything the service report's components say, for one language: the report's own texts, the
// checklist's names for checks, facts and outcomes, and the failure causes as the app says them.
import type { FailureCause } from '../../../../shared/checklist/checklist-outcome';
import { checklistReasonsEnglish } from '../../../../shared/errors/checklist-reasons-en';
import type { Language } from '../../../../shared/settings/settings';
import { checklistMessages } from '../../features/checklist/checklist-messages';
import { checklistReasonsZhCN } from '../../i18n/messages/reasons-zh-cn-checklist';
import { printTexts } from '../print-texts';
import { reportTexts } from './report-texts';

const causes: Record<Language, Record<`checklist-cause-${FailureCause}`, string>> = { 'zh-CN': checklistReasonsZhCN, 'en-US': checklistReasonsEnglish };

export function reportWords(language: Language) {
  return {
    language,
    ...reportTexts[language],
    print: printTexts[language],
    checklist: checklistMessages[language].checklist,
    cause: (cause: FailureCause) => causes[language][`checklist-cause-${cause}`],
  };
}

/** The report's words in one language. */
export type ReportWords = ReturnType<typeof reportWords>;
