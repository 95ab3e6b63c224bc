import { createI18n } from 'vue-i18n';
import { dateEnUS, dateZhCN, enUS as naiveEnUS, zhCN as naiveZhCN, type NDateLocale, type NLocale } from 'naive-ui';
import type { Language } from '../../../shared/settings/settings';
import { enUS } from './messages/en-us';
import { zhCN, type MessageSchema } from './messages/zh-cn';

/** The app's vue-i18n instance; zh-CN until the stored setting is loaded. */
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'en-US',
  messages: { 'zh-CN': zhCN, 'en-US': enUS } satisfies Record<Language, MessageSchema>,
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
