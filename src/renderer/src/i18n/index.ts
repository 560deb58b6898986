export { useT } from './use-t';
export { useLanguage, syncDocumentLanguage, hasStoredLanguage, DEFAULT_LANGUAGE, type Language } from './language-store';
export { LANGUAGE_NAMES } from './language-names';
export { createTranslate, localeOf } from './translate';
export { russianPlural, englishPlural } from './plural';
export * from './labels';
export type { MessageKey, PluralKey, TextKey, Translate, Params } from './messages';
