/** Russian nouns after a number take one of three forms: 1 урок, 2 урока, 5 уроков. */
export interface RussianPlural {
  /** 1, 21, 31, 101 … (урок) */
  readonly one: string;
  /** 2–4, 22–24 … and fractions (урока) */
  readonly few: string;
  /** 0, 5–20, 25–30, 111–114 … (уроков) */
  readonly many: string;
}

/** English nouns after a number: 1 lesson, 2 lessons. */
export interface EnglishPlural {
  readonly one: string;
  readonly other: string;
}

export function russianPlural(count: number, forms: RussianPlural): string {
  if (!Number.isInteger(count)) return forms.few;
  const n = Math.abs(count);
  const lastDigit = n % 10;
  const lastTwo = n % 100;
  if (lastDigit === 1 && lastTwo !== 11) return forms.one;
  if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) return forms.few;
  return forms.many;
}

export function englishPlural(count: number, forms: EnglishPlural): string {
  return count === 1 ? forms.one : forms.other;
}
