import type { Exercise } from './content';
import type { ExamType } from './domain';
import type { AnswerNotice } from './answer-notice';
import { isProduct, readExpression, sameValue, variablesOf } from './answer-expression';
import { readTypedNumber, sameRational, type NumberReading, type Rational, type TypedNumber } from './answer-number';
import { normaliseText, tidyAnswer } from './answer-text';
import { sameUnit } from './answer-units';

/** What a student submits for one exercise. */
export type ExerciseAnswer =
  | { type: 'single_choice'; choice: number }
  | { type: 'multiple_choice'; choices: number[] }
  | { type: 'numeric' | 'fraction' | 'short_text' | 'expression' | 'ege_short'; text: string };

/**
 * The answer-sheet rules that apply: those of the course's exam (ЕГЭ or ОГЭ), or none in an ordinary
 * course. An exam's rules never reach a grade-5 course, and a grade-5 course's leniency never reaches
 * an exam course.
 */
export interface AnswerRules {
  exam: ExamType | null;
}

export const NO_EXAM: AnswerRules = { exam: null };

export interface AnswerVerdict {
  correct: boolean;
  /** How to write the answer, when that is why it was not taken (never whether its value was right). */
  notice: AnswerNotice | null;
}

const RIGHT: AnswerVerdict = { correct: true, notice: null };
const wrong = (notice: AnswerNotice | null = null): AnswerVerdict => ({ correct: false, notice });

/** Floating-point noise is not a mistake: 0.1 + 0.2 is 0.3. */
const DEFAULT_TOLERANCE = 1e-9;

/** A number the student wrote, or the verdict when it is not one. */
function typedNumber(reading: NumberReading): TypedNumber | AnswerVerdict {
  if (reading.kind === 'number') return reading;
  return wrong(reading.kind === 'invalid' ? { code: reading.reason } : null);
}

const isVerdict = (value: TypedNumber | AnswerVerdict): value is AnswerVerdict => 'correct' in value;
const isCommonFraction = (number: TypedNumber) => number.notation === 'fraction' || number.notation === 'mixed';

/**
 * A number field. A unit after the number is forgiven when the exercise names none or names that one;
 * another unit is refused naming the right one. In an exam course a common fraction is refused: the
 * exam's answer sheet scores only an integer or a decimal («0,375», not «3/8»).
 */
function judgeNumeric(exercise: Extract<Exercise, { type: 'numeric' }>, text: string, rules: AnswerRules): AnswerVerdict {
  const given = typedNumber(readTypedNumber(text));
  if (isVerdict(given)) return given;
  if (given.unit !== null && exercise.unit && !sameUnit(given.unit, exercise.unit)) return wrong({ code: 'wrong_unit', unit: exercise.unit });
  if (rules.exam && isCommonFraction(given)) return wrong({ code: 'exam_fraction', exam: rules.exam });
  return Math.abs(given.value - exercise.answer) <= (exercise.tolerance ?? DEFAULT_TOLERANCE) ? RIGHT : wrong();
}

/** How a value is written as a mixed number: an integer, a proper fraction, or a whole part and a proper fraction. */
function mixedNotation(value: Rational): TypedNumber['notation'] {
  if (value.den === 1n) return 'integer';
  return (value.num < 0n ? -value.num : value.num) < value.den ? 'fraction' : 'mixed';
}

/** The form the exercise asks for, checked on what the student wrote (whatever its value). */
function fractionFormNotice(form: 'mixed' | 'irreducible' | undefined, given: TypedNumber): AnswerNotice | null {
  if (!form) return null;
  if (given.notation === 'decimal') return { code: form === 'mixed' ? 'mixed_wanted' : 'fraction_wanted' };
  if (form === 'mixed' && given.notation !== mixedNotation(given.exact)) return { code: 'mixed_wanted' };
  return given.reduced ? null : { code: 'reduce' };
}

/** A common fraction or mixed number, compared exactly; «form» may ask for a mixed number or lowest terms. */
function judgeFraction(exercise: Extract<Exercise, { type: 'fraction' }>, text: string): AnswerVerdict {
  const given = typedNumber(readTypedNumber(text));
  if (isVerdict(given)) return given;
  const notice = fractionFormNotice(exercise.form, given);
  if (notice) return wrong(notice);
  const expected = readTypedNumber(exercise.answer);
  return expected.kind === 'number' && sameRational(given.exact, expected.exact) ? RIGHT : wrong();
}

/** An algebraic answer, compared by value; «form: product» also asks for factors. */
function judgeExpression(exercise: Extract<Exercise, { type: 'expression' }>, text: string): AnswerVerdict {
  const variables = exercise.variables ?? variablesOf(exercise.answer);
  const given = readExpression(text, variables);
  if (given.kind === 'empty') return wrong();
  if (given.kind === 'invalid') return wrong({ code: 'not_an_expression' });
  if (exercise.form === 'product' && !isProduct(given.node)) return wrong({ code: 'product_wanted' });
  const expected = readExpression(exercise.answer, variables);
  if (expected.kind !== 'expression') return wrong();
  return sameValue(given.node, expected.node, variables, exercise.domain ?? 'real') ? RIGHT : wrong();
}

/** A decimal as the answer sheet has it: no leading zeros («010» is a string of digits, not ten). */
const SHEET_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** A string of digits or letters is compared as written, except for case, spaces and ё/е. */
const sheetCode = (text: string) => tidyAnswer(text).replace(/\s/g, '').toUpperCase().replaceAll('Ё', 'Е');

/**
 * An exam-style short answer. A number compares as a number; a string of digits or letters («0110»,
 * «XYZW») compares as written. In an exam course the exam's rules apply: no common fraction and no
 * unit on the answer sheet — each refused with a notice naming the exam. Outside one (an old pack) the
 * field is as forgiving as a number field.
 */
function judgeExamShort(exercise: Extract<Exercise, { type: 'ege_short' }>, text: string, rules: AnswerRules): AnswerVerdict {
  const expected = readTypedNumber(exercise.answer);
  const asWritten = sheetCode(text) === sheetCode(exercise.answer);
  if (expected.kind !== 'number' || !SHEET_DECIMAL.test(expected.numeral)) return asWritten ? RIGHT : wrong();
  const given = typedNumber(readTypedNumber(text));
  if (isVerdict(given)) return given;
  if (/^-?0\d/.test(given.numeral)) return asWritten ? RIGHT : wrong();
  if (rules.exam && isCommonFraction(given)) return wrong({ code: 'exam_fraction', exam: rules.exam });
  if (rules.exam && given.unit !== null) return wrong({ code: 'exam_unit', exam: rules.exam });
  return sameRational(given.exact, expected.exact) ? RIGHT : wrong();
}

/** Whether an answer is right and, if not, how it should be written. An answer of another type than the exercise is simply wrong. */
export function judgeAnswer(exercise: Exercise, answer: ExerciseAnswer, rules: AnswerRules = NO_EXAM): AnswerVerdict {
  switch (exercise.type) {
    case 'single_choice':
      return answer.type === 'single_choice' && answer.choice === exercise.answer ? RIGHT : wrong();
    case 'multiple_choice': {
      if (answer.type !== 'multiple_choice') return wrong();
      const given = new Set(answer.choices);
      const all =
        answer.choices.length === exercise.answer.length && given.size === exercise.answer.length && exercise.answer.every((choice) => given.has(choice));
      return all ? RIGHT : wrong();
    }
    case 'numeric':
      return answer.type === 'numeric' ? judgeNumeric(exercise, answer.text, rules) : wrong();
    case 'fraction':
      return answer.type === 'fraction' ? judgeFraction(exercise, answer.text) : wrong();
    case 'expression':
      return answer.type === 'expression' ? judgeExpression(exercise, answer.text) : wrong();
    case 'short_text': {
      if (answer.type !== 'short_text') return wrong();
      const given = normaliseText(answer.text);
      return [exercise.answer, ...(exercise.accept ?? [])].some((accepted) => normaliseText(accepted) === given) ? RIGHT : wrong();
    }
    case 'ege_short':
      return answer.type === 'ege_short' ? judgeExamShort(exercise, answer.text, rules) : wrong();
  }
}

/** Whether an answer is right (see judgeAnswer). */
export function checkAnswer(exercise: Exercise, answer: ExerciseAnswer, rules: AnswerRules = NO_EXAM): boolean {
  return judgeAnswer(exercise, answer, rules).correct;
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
    case 'fraction':
    case 'expression':
    case 'short_text':
    case 'ege_short':
      return { type: exercise.type, text: exercise.answer };
  }
}
