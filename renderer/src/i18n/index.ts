import { createI18n } from 'vue-i18n';
import { dateEnUS, dateZhCN, enUS as naiveEnUS, zhCN as naiveZhCN, type NDateLocale, type NLocale } from 'naive-ui';
import type { Language } from '../../../shared/settings/settings';
import { auditMessages } from '../features/audit/audit-messages';
import { authMessages } from '../features/auth/auth-messages';
import { backupMessages } from '../features/backup/backup-messages';
import { onsiteMessages } from '../features/onsite/onsite-messages';
import { referenceMessages } from '../features/desk-reference/reference-messages';
import { merchantsMessages } from '../features/desk-merchants/merchants-messages';
import { casesMessages } from '../features/desk-cases/cases-messages';
import { attachmentsMessages } from '../features/attachments/attachments-messages';
import { checklistMessages } from '../features/checklist/checklist-messages';
import { calendarMessages } from '../features/desk-calendar/calendar-messages';
import { deskImportMessages } from '../features/desk-import/import-messages';
import { todayMessages } from '../features/desk-today/today-messages';
import { helpMessages } from '../features/help/help-messages';
import { trainingMessages } from '../features/training/training-messages';
import { reportsMessages } from '../features/reports/reports-messages';
import { operatorsMessages } from '../features/operators/operators-messages';
import { settingsMessages } from '../features/settings/settings-messages';
import { terminalMessages } from '../features/terminal/terminal-messages';
import { shellEnUS } from './messages/en-us';
import { shellZhCN } from './messages/zh-cn';
import { sharedReasonsZhCN } from './messages/reasons-zh-cn';
import { englishReasons, type SharedReasonCode } from '../../../shared/errors/reasons-en';

const shell: Record<Language, typeof shellZhCN> = { 'zh-CN': shellZhCN, 'en-US': shellEnUS };

// The reasons whose English is shared with the CLI: en-US uses those very words.
const sharedReasons: Record<Language, Record<SharedReasonCode, string>> = { 'zh-CN': sharedReasonsZhCN, 'en-US': englishReasons };

// Each feature owns the namespaces it brings; a feature's failure reasons join the shared
// errors.reasons, where describeError looks every refusal up.
function catalogFor(language: Language) {
  const base = shell[language];
  return {
    ...base,
    ...authMessages[language],
    ...operatorsMessages[language],
    ...settingsMessages[language],
    ...backupMessages[language],
    ...auditMessages[language],
    ...terminalMessages[language],
    ...onsiteMessages[language],
    ...referenceMessages[language],
    ...merchantsMessages[language],
    ...casesMessages[language],
    ...attachmentsMessages[language],
    ...checklistMessages[language],
    ...calendarMessages[language],
    ...deskImportMessages[language],
    ...todayMessages[language],
    ...helpMessages[language],
    ...trainingMessages[language],
    ...reportsMessages[language],
    errors: { ...base.errors, reasons: { ...base.errors.reasons, ...sharedReasons[language] } },
  };
}

/** The shape every language's catalog has. */
export type MessageSchema = ReturnType<typeof catalogFor>;

export const messages: Record<Language, MessageSchema> = { 'zh-CN': catalogFor('zh-CN'), 'en-US': catalogFor('en-US') };

/** The app's vue-i18n instance; zh-CN until the stored setting is loaded. */
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'en-US',
  messages,
});

/** Naive UI's own component and date locales for a language, switched together with vue-i18n. */
export function naiveLocaleFor(language: Language): { locale: NLocale; dateLocale: NDateLocale } {
  return language === 'zh-CN' ? { locale: naiveZhCN, dateLocale: dateZhCN } : { locale: naiveEnUS, dateLocale: dateEnUS };
}

/** Switches vue-i18n and the document language. */
export function applyLanguage(language: Language): void {
  i18n.global.locale.value = language;
  document.documentElement.lang = language;
}
