import type { ExerciseView, MethodInput } from '../../../../shared/contract';
import { readTypedNumber } from '../../../../shared/answer-number';
import { speechText } from '../chat/speech-text';
import type { ExpressionReader } from './use-expression-reader';

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

/** How a typed number reads: nothing yet, a number (as the core will take it), or why it is not one. */
export type NumberReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; commonFraction: boolean }
  | { kind: 'invalid'; reason: 'not_a_number' | 'ambiguous_spaces' };

export function readNumber(text: string): NumberReading {
  const reading = readTypedNumber(text);
  if (reading.kind !== 'number') return reading;
  return { kind: 'number', value: reading.value, commonFraction: reading.notation === 'fraction' || reading.notation === 'mixed' };
}

/**
 * The answer to send, or null while there is nothing (or no number, no readable expression) to check yet.
 * `readsAsExpression` is null until the expression parser has loaded: then the core alone judges.
 */
export function toAnswer(exercise: Pick<ExerciseView, 'type'>, draft: ExerciseDraft, readsAsExpression: ExpressionReader | null = null): ExerciseAnswer | null {
  const text = draft.text.trim().slice(0, ANSWER_MAX_LENGTH);
  switch (exercise.type) {
    case 'single_choice':
      return draft.choice === null ? null : { type: 'single_choice', choice: draft.choice };
    case 'multiple_choice':
      return draft.choices.length === 0 ? null : { type: 'multiple_choice', choices: [...draft.choices].sort((a, b) => a - b) };
    case 'numeric':
    case 'fraction':
      return readNumber(text).kind === 'number' ? { type: exercise.type, text } : null;
    case 'expression':
      return text === '' || readsAsExpression?.(text) === false ? null : { type: 'expression', text };
    case 'short_text':
    case 'ege_short':
      return text === '' ? null : { type: exercise.type, text };
  }
}

/** Ticks or unticks one option of a multiple-choice exercise. */
export const toggleChoice = (choices: readonly number[], index: number): number[] =>
  choices.includes(index) ? choices.filter((choice) => choice !== index) : [...choices, index];

/**
 * The name of an option that holds a formula: its words as a voice would say them («1/x² + x = 2»). The
 * typeset formula's MathML is not taken as a label's name by every screen reader (nor by axe); an option
 * of plain words is named by its label as it is (undefined).
 */
export const optionName = (option: string): string | undefined =>
  option.includes('$') ? speechText(option).replace(/\^(\d+)/g, (_, digits: string) => [...digits].map((digit) => SUPERSCRIPT[Number(digit)]).join('')) : undefined;

/** «x²» is read as «x squared»; «x^2» as «x caret 2». */
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The lesson's score: the share of its exercises answered right (at any try); a lesson without any is 100. */
export function lessonScore(solved: number, total: number): number {
  if (total <= 0) return 100;
  return Math.round((100 * Math.min(solved, total)) / total);
}
