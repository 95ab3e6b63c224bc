import type { LocalizedText } from '../../../../shared/checklist';

/** A template's text in the user's language (templates carry both; en-US is the other). */
export const localized = (text: LocalizedText, language: string): string => (language === 'en-US' ? text['en-US'] : text['zh-CN']);
