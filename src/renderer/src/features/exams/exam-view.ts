import type { ExamTask } from '../../../../shared/contract';
import type { ExamType, Subject } from '../../../../shared/domain';
import type { TextKey } from '../../i18n';

export type Mastery = ExamTask['mastery'];

/** From least to best: the order of the legend. */
export const MASTERY_ORDER: readonly Mastery[] = ['not_started', 'weak', 'good', 'mastered'];

export const masteryKey = (mastery: Mastery): TextKey => `exams.mastery.${mastery}`;
export const examShortKey = (examType: ExamType): TextKey => `exams.type.${examType}`;

/** A small sign next to the colour, so mastery is not told by colour alone. */
const SYMBOLS: Readonly<Record<Mastery, string>> = {
  not_started: '○',
  weak: '!',
  good: '✓',
  mastered: '★',
};
export const masterySymbol = (mastery: Mastery): string => SYMBOLS[mastery];

/** One card per exam and subject; stable in the DOM as `data-exam-type` + `data-subject`. */
export const examCardKey = (exam: { examType: ExamType; subject: Subject }): string => `${exam.examType}|${exam.subject}`;

/** «5 марта 2026 г.» / «5 March 2026» in the interface language; null for a missing or broken timestamp. */
export function formatStudiedDate(iso: string | null, locale: string): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}
