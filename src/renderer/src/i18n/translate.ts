import { en } from './en';
import type { Language } from './language-store';
import type { MessageKey, Params, Translate } from './messages';
import { englishPlural, russianPlural, type EnglishPlural, type RussianPlural } from './plural';
import { ru } from './ru';

const LOCALES: Readonly<Record<Language, string>> = { ru: 'ru-RU', en: 'en-GB' };

/** The BCP 47 locale of an interface language, for Intl formatting beyond `t` (an exact number). */
export const localeOf = (language: Language): string => LOCALES[language];

function template(language: Language, key: MessageKey, count: number): string {
  if (language === 'ru') {
    const message: string | RussianPlural = ru[key];
    return typeof message === 'string' ? message : russianPlural(count, message);
  }
  const message: string | EnglishPlural = en[key];
  return typeof message === 'string' ? message : englishPlural(count, message);
}

/** Replaces `{name}` with the parameter; numbers are written the language's way (1 000,5 / 1,000.5). */
function interpolate(text: string, params: Params | undefined, numbers: Intl.NumberFormat): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return placeholder;
    const value = params[name];
    return typeof value === 'number' ? numbers.format(value) : String(value);
  });
}

export function createTranslate(language: Language): Translate {
  const numbers = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 });
  return ((key: MessageKey, params?: Params) => {
    const count = typeof params?.count === 'number' ? params.count : 0;
    return interpolate(template(language, key, count), params, numbers);
  }) as Translate;
}
