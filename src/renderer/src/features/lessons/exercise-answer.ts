import type { ExerciseView, MethodInput } from '../../../../shared/contract';
import { parseNumber } from '../../../../shared/exercise-check';

export type ExerciseAnswer = MethodInput<'exercises.check'>['answer'];

/** What the student has chosen or typed so far; each exercise type reads its own part. */
export interface ExerciseDraft {
  choice: number | null;
  choices: readonly number[];
  text: string;
}

export const EMPTY_DRAFT: ExerciseDraft = { choice: null, choices: [], text: '' };

/** The longest answer the core accepts. */
export const ANSWER_MAX_LENGTH = 200;

/** How a typed number reads: nothing yet, a number (as the core will take it), or not a number. */
export type NumberReading = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

export function readNumber(text: string): NumberReading {
  if (text.trim() === '') return { kind: 'empty' };
  const value = parseNumber(text);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

/** The answer to send, or null while there is nothing (or no number) to check yet. */
export function toAnswer(exercise: Pick<ExerciseView, 'type'>, draft: ExerciseDraft): ExerciseAnswer | null {
  switch (exercise.type) {
    case 'single_choice':
      return draft.choice === null ? null : { type: 'single_choice', choice: draft.choice };
    case 'multiple_choice':
      return draft.choices.length === 0 ? null : { type: 'multiple_choice', choices: [...draft.choices].sort((a, b) => a - b) };
    case 'numeric':
      return readNumber(draft.text).kind === 'number' ? { type: 'numeric', text: draft.text.trim() } : null;
    case 'short_text':
    case 'ege_short': {
      const text = draft.text.trim();
      return text === '' ? null : { type: exercise.type, text: text.slice(0, ANSWER_MAX_LENGTH) };
    }
  }
}

/** Ticks or unticks one option of a multiple-choice exercise. */
export const toggleChoice = (choices: readonly number[], index: number): number[] =>
  choices.includes(index) ? choices.filter((choice) => choice !== index) : [...choices, index];

/** The lesson's score: the share of its exercises answered right (at any try); a lesson without any is 100. */
export function lessonScore(solved: number, total: number): number {
  if (total <= 0) return 100;
  return Math.round((100 * Math.min(solved, total)) / total);
}
