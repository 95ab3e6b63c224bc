import type { Language } from '../../../shared/settings/settings';

// A catalog written as one table, each text as [zh-CN, en-US] side by side: a text cannot be
// missing from one language, and the key structure is written once instead of once per language.
// vue-i18n wants one catalog per language, so byLanguage() splits the table.

export type Translations = readonly [zhCN: string, enUS: string];
export interface TextTable {
  readonly [key: string]: Translations | TextTable;
}
export type TextsIn<T> = { [K in keyof T]: T[K] extends Translations ? string : TextsIn<T[K]> };

const column: Record<Language, 0 | 1> = { 'zh-CN': 0, 'en-US': 1 };

export function textsIn<T extends TextTable>(table: T, language: Language): TextsIn<T> {
  return Object.fromEntries(
    Object.entries(table).map(([key, node]) => [key, Array.isArray(node) ? (node as Translations)[column[language]] : textsIn(node as TextTable, language)]),
  ) as TextsIn<T>;
}

export function byLanguage<T extends TextTable>(table: T): Record<Language, TextsIn<T>> {
  return { 'zh-CN': textsIn(table, 'zh-CN'), 'en-US': textsIn(table, 'en-US') };
}
