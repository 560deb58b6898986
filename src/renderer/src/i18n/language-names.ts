import type { Language } from './language-store';

/** Each language by its own name, deliberately not translated, so a student can always find their own. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  ru: 'Русский',
  en: 'English',
};
