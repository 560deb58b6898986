import type { EnglishPlural } from './plural';
import type { ru } from './ru';

type Russian = typeof ru;

/** The same keys as ru.ts, with a language's own plural forms: a missing or extra key is a type error. */
export type Messages<Plural> = { readonly [K in keyof Russian]: Russian[K] extends string ? string : Plural };
export type EnglishMessages = Messages<EnglishPlural>;

export type MessageKey = keyof Russian;
/** Keys of plain messages. */
export type TextKey = { [K in MessageKey]: Russian[K] extends string ? K : never }[MessageKey];
/** Keys of messages that depend on a number (`count`). */
export type PluralKey = Exclude<MessageKey, TextKey>;

export type Params = Readonly<Record<string, string | number>>;

/** Translates a key into the current language; a plural key needs `count`. */
export interface Translate {
  (key: TextKey, params?: Params): string;
  (key: PluralKey, params: Params & { readonly count: number }): string;
}
