import { languageSchema, type Language } from '../../../shared/settings/settings';

// A catalog written as one table, each text with its translations side by side: a key cannot be
// missing from one language, and the key structure is written once instead of once per language.
// vue-i18n wants one catalog per language, so byLanguage() splits the table.

export type Translations = { readonly [L in Language]: string };
export interface TextTable {
  readonly [key: string]: Translations | TextTable;
}
export type TextsIn<T> = { [K in keyof T]: T[K] extends Translations ? string : TextsIn<T[K]> };

// A branch whose keys happen to be language codes (the language names) holds tables, not strings.
function isTranslations(node: Translations | TextTable): node is Translations {
  return languageSchema.options.every((language) => typeof node[language] === 'string');
}

export function textsIn<T extends TextTable>(table: T, language: Language): TextsIn<T> {
  return Object.fromEntries(
    Object.entries(table).map(([key, node]) => [key, isTranslations(node) ? node[language] : textsIn(node, language)]),
  ) as TextsIn<T>;
}

export function byLanguage<T extends TextTable>(table: T): Record<Language, TextsIn<T>> {
  return Object.fromEntries(languageSchema.options.map((language) => [language, textsIn(table, language)])) as Record<Language, TextsIn<T>>;
}
