import { create } from 'zustand';
import { LANGUAGES } from '../../../shared/domain';

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'ru';
/**
 * The language last used on this computer: the sign-in screen speaks it. A signed-in student's own
 * language comes from their preferences and, once applied, becomes the last used one.
 */
const STORAGE_KEY = 'teacher-ai.language';

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Whether anybody chose a language on this computer yet (if not, the school's may be the first). */
export function hasStoredLanguage(): boolean {
  try {
    return isLanguage(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Without storage the choice lasts until the window closes.
  }
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const useLanguage = create<LanguageState>()((set) => ({
  language: readStoredLanguage(),
  setLanguage: (language) => {
    storeLanguage(language);
    set({ language });
  },
}));

/** Keeps `<html lang>` equal to the interface language (screen readers, hyphenation, spell check). */
export function syncDocumentLanguage(): () => void {
  document.documentElement.lang = useLanguage.getState().language;
  return useLanguage.subscribe((state) => {
    document.documentElement.lang = state.language;
  });
}
