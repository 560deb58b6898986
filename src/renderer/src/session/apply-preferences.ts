import type { Preferences } from '../../../shared/contract';
import type { Theme } from '../../../shared/domain';
import { useLanguage } from '../i18n';

/** `<html data-theme>`: the stylesheet picks light or dark colours from it; `system` follows the computer. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** The signed-in student's own language and theme, from the moment they sign in. */
export function applyPreferences(preferences: Preferences): void {
  useLanguage.getState().setLanguage(preferences.language);
  applyTheme(preferences.theme);
}
