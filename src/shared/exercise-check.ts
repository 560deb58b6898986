import type { Exercise } from './content';

/** What a student submits for one exercise. */
export type ExerciseAnswer =
  | { type: 'single_choice'; choice: number }
  | { type: 'multiple_choice'; choices: number[] }
  | { type: 'numeric' | 'short_text' | 'ege_short'; text: string };

/** Case, spaces and ё/е do not make an answer wrong. */
export function normaliseText(text: string): string {
  return text.toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim().replace(/[.!]$/, '');
}

/**
 * A number as students type it: a comma or a point as the decimal separator, spaces (also non-breaking)
 * between digit groups, a leading plus or minus, or a simple fraction such as 3/4. NaN for anything else.
 */
export function parseNumber(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace(/^\+/, '').replace('−', '-');
  const fraction = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(compact);
  if (fraction) {
    const denominator = Number(fraction[2]);
    return denominator === 0 ? Number.NaN : Number(fraction[1]) / denominator;
  }
  return /^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(compact) ? Number(compact) : Number.NaN;
}

/** Floating-point noise is not a mistake: 0.1 + 0.2 is 0.3. */
const DEFAULT_TOLERANCE = 1e-9;

/** An ЕГЭ short answer: a number (compared as a number) or a string of digits and letters (compared exactly). */
function sameEgeAnswer(given: string, expected: string): boolean {
  const clean = (s: string) => s.replace(/[\s\u00a0]/g, '').replace(',', '.').toUpperCase().replaceAll('Ё', 'Е');
  const [a, b] = [clean(given), clean(expected)];
  if (a === b) return true;
  // "010" is not "10" when the answer is a string of digits; only plain decimals compare as numbers.
  const decimal = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
  return decimal.test(a) && decimal.test(b) && Number(a) === Number(b);
}

/** Whether an answer is right. An answer of another type than the exercise is simply wrong. */
export function checkAnswer(exercise: Exercise, answer: ExerciseAnswer): boolean {
  switch (exercise.type) {
    case 'single_choice':
      return answer.type === 'single_choice' && answer.choice === exercise.answer;
    case 'multiple_choice': {
      if (answer.type !== 'multiple_choice') return false;
      const given = new Set(answer.choices);
      return (
        answer.choices.length === exercise.answer.length &&
        given.size === exercise.answer.length &&
        exercise.answer.every((choice) => given.has(choice))
      );
    }
    case 'numeric': {
      if (answer.type !== 'numeric') return false;
      const value = parseNumber(answer.text);
      return Number.isFinite(value) && Math.abs(value - exercise.answer) <= (exercise.tolerance ?? DEFAULT_TOLERANCE);
    }
    case 'short_text': {
      if (answer.type !== 'short_text') return false;
      const given = normaliseText(answer.text);
      return [exercise.answer, ...(exercise.accept ?? [])].some((accepted) => normaliseText(accepted) === given);
    }
    case 'ege_short':
      return answer.type === 'ege_short' && sameEgeAnswer(answer.text, exercise.answer);
  }
}

/** The exercise's own correct answer, in the form a student would submit it (for tests and the model answer). */
export function correctAnswerOf(exercise: Exercise): ExerciseAnswer {
  switch (exercise.type) {
    case 'single_choice':
      return { type: 'single_choice', choice: exercise.answer };
    case 'multiple_choice':
      return { type: 'multiple_choice', choices: exercise.answer };
    case 'numeric':
      return { type: 'numeric', text: String(exercise.answer) };
    case 'short_text':
    case 'ege_short':
      return { type: exercise.type, text: exercise.answer };
  }
}
