import { useMemo } from 'react';
import { useLanguage } from './language-store';
import type { Translate } from './messages';
import { createTranslate } from './translate';

/** The translate function of the current language; components re-render when the language changes. */
export function useT(): Translate {
  const language = useLanguage((state) => state.language);
  return useMemo(() => createTranslate(language), [language]);
}
