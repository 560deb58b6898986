import { describe, expect, it } from 'vitest';
import type { AnswerNotice } from './answer-notice';
import { contentPackSchema, type ContentPack, type Exercise } from './content';
import type { ExamType } from './domain';
import { checkAnswer, correctAnswerOf, judgeAnswer, type ExerciseAnswer } from './exercise-check';

const base = { id: 'ex', prompt: 'Вопрос', explanation: 'Потому что', hints: [] };
const numeric = (answer: number, extra: { tolerance?: number; unit?: string } = {}): Exercise => ({ ...base, type: 'numeric', answer, ...extra });
const fraction = (answer: string, form?: 'mixed' | 'irreducible'): Exercise => ({ ...base, type: 'fraction', answer, ...(form ? { form } : {}) });
const expression = (answer: string, extra: { form?: 'product'; domain?: 'binary'; variables?: string[] } = {}): Exercise => ({
  ...base,
  type: 'expression',
  answer,
  ...extra,
});
const text = (answer: string, accept?: string[]): Exercise => ({ ...base, type: 'short_text', answer, ...(accept ? { accept } : {}) });
const examShort = (answer: string): Exercise => ({ ...base, type: 'ege_short', answer });

/** The same text typed into the exercise's own kind of field. */
const typed = (exercise: Exercise, value: string): ExerciseAnswer => ({ type: exercise.type as 'numeric', text: value });
const judge = (exercise: Exercise, value: string, exam: ExamType | null = null) => judgeAnswer(exercise, typed(exercise, value), { exam });

/** Rows of [typed, accepted]; a refused row may name the notice the student gets. */
type Row = [string, true] | [string, false, AnswerNotice?];
const table = (exercise: Exercise, exam: ExamType | null, rows: Row[]) =>
  rows.map(([value, correct, notice]) => [value, correct, notice ?? null, exercise, exam] as const);

describe('a number field', () => {
  it.each(
    table(numeric(-3), null, [
      ['-3', true],
      ['−3', true],
      ['–3', true],
      ['—3', true],
      ['x = -3', true],
      ['х=−3', true],
      ['x=-3.', true],
      ['-3;', true],
      ['  -3  ', true],
      ['Ответ: -3', true],
      ['-3,0', true],
      ['-6/2', true],
      ['3', false],
      ['-3,1', false],
      ['- 3 1/2', false],
      ['12 5', false, { code: 'ambiguous_spaces' }],
      ['минус три', false, { code: 'not_a_number' }],
    ]),
  )('%j for −3 → %s', (value, correct, notice, exercise, exam) => expect(judge(exercise, value, exam)).toEqual({ correct, notice }));

  it.each(
    table(numeric(-2.5), null, [
      ['-2 1/2', true],
      ['−2 1/2', true],
      ['-5/2', true],
      ['-2,5', true],
      ['-21/2', false],
      ['-10.5', false],
    ]),
  )('%j for −2,5 (a mixed number is not eleven halves) → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(numeric(1000), null, [
      ['1000', true],
      ['1 000', true],
      ['1\u00a0000', true],
      ['1,000', false],
      ['1 00 0', false, { code: 'ambiguous_spaces' }],
    ]),
  )('%j for 1000 (thousands in groups of three) → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(numeric(72, { unit: 'км/ч' }), null, [
      ['72', true],
      ['72 км/ч', true],
      ['72км/ч', true],
      ['72 км/час', true],
      ['72 километров в час', true],
      ['v = 72 км/ч.', true],
      ['20 м/с', false, { code: 'wrong_unit', unit: 'км/ч' }],
      ['72 м/с', false, { code: 'wrong_unit', unit: 'км/ч' }],
      ['72 попугая', false, { code: 'wrong_unit', unit: 'км/ч' }],
      ['70 км/ч', false],
    ]),
  )('%j for 72 km/h (the exercise names its unit) → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(numeric(20), null, [
      ['20 см', true],
      ['20 страниц', true],
      ['12 м²', false],
    ]),
  )('%j for 20 (no unit named: any unit is forgiven) → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(numeric(0.375), 'ОГЭ', [
      ['0,375', true],
      ['0.375', true],
      ['x = 0,375', true],
      ['3/8', false, { code: 'exam_fraction', exam: 'ОГЭ' }],
      ['6/16', false, { code: 'exam_fraction', exam: 'ОГЭ' }],
      ['1/8', false, { code: 'exam_fraction', exam: 'ОГЭ' }],
      ['0,38', false],
    ]),
  )('%j for 0,375 in an ОГЭ course → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it('accepts 3/10 where a grade-8 explanation writes it, and within the tolerance only', () => {
    expect(checkAnswer(numeric(0.3), typed(numeric(0.3), '3/10'))).toBe(true);
    expect(checkAnswer(numeric(0.3), typed(numeric(0.3), String(0.1 + 0.2)))).toBe(true);
    expect(checkAnswer(numeric(3.14, { tolerance: 0.01 }), typed(numeric(3.14), '3,15'))).toBe(true);
    expect(checkAnswer(numeric(3.14, { tolerance: 0.01 }), typed(numeric(3.14), '3,16'))).toBe(false);
    expect(checkAnswer(numeric(5), typed(numeric(5), ''))).toBe(false);
  });
});

describe('a fraction field', () => {
  it.each(
    table(fraction('6 3/13', 'mixed'), null, [
      ['6 3/13', true],
      ['6  3 / 13', true],
      ['6 3/13.', true],
      ['Ответ: 6 3/13', true],
      ['6313', false],
      ['81/13', false, { code: 'mixed_wanted' }],
      ['6,23', false, { code: 'mixed_wanted' }],
      ['6 6/26', false, { code: 'reduce' }],
      ['5 16/13', false, { code: 'ambiguous_spaces' }],
      ['6 4/13', false],
    ]),
  )('%j for the mixed number 6 3/13 → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(fraction('2/3', 'irreducible'), null, [
      ['2/3', true],
      ['2 / 3', true],
      ['2/3.', true],
      ['4/6', false, { code: 'reduce' }],
      ['24/36', false, { code: 'reduce' }],
      ['0,6667', false, { code: 'fraction_wanted' }],
      ['3/2', false],
    ]),
  )('%j for 2/3 in lowest terms → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(fraction('3/10'), null, [
      ['3/10', true],
      ['6/20', true],
      ['0,3', true],
      ['−3/10', false],
      ['0,33', false],
      ['10/3', false],
    ]),
  )('%j for 3/10 (any form of the value) → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );
});

describe('an expression field', () => {
  it.each(
    table(expression('(x-3)(x-5)', { form: 'product' }), null, [
      ['(x-3)(x-5)', true],
      ['(х-3)(х-5)', true],
      ['(x -3)(x-5)', true],
      ['(3-x)(5-x)', true],
      ['(x-5)(x-3)', true],
      ['(x-3)·(x-5)', true],
      ['(x-3)*(x-5)', true],
      ['(x−3)(x−5).', true],
      ['x^2-8x+15', false, { code: 'product_wanted' }],
      ['(x-3)(x+5)', false],
      ['(x-3)(y-5)', false, { code: 'not_an_expression' }],
      ['(x-3)(x-5', false, { code: 'not_an_expression' }],
    ]),
  )('%j for (x-3)(x-5) → %s', (value, correct, notice, exercise, exam) => expect(judge(exercise, value, exam)).toEqual({ correct, notice }));

  it.each(
    table(expression('x <= y', { domain: 'binary', variables: ['x', 'y'] }), null, [
      ['x <= y', true],
      ['x<= y', true],
      ['(x <= y)', true],
      ['x ≤ y', true],
      ['x⩽y', true],
      ['not x or y', true],
      ['x < y', false],
      ['x -> y', false, { code: 'not_an_expression' }],
    ]),
  )('%j for the Python implication x <= y → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );
});

describe('a short text field', () => {
  it.each(
    table(text('траектория', ['траектория движения']), null, [
      ['траектория', true],
      [' ТРАЕКТОРИЯ. ', true],
      ['Траектория;', true],
      ['траектория   движения', true],
      ['путь', false],
    ]),
  )('%j for «траектория» → %s', (value, correct, notice, exercise, exam) => expect(judge(exercise, value, exam)).toEqual({ correct, notice }));

  it('ё and е are one letter', () => expect(checkAnswer(text('счёт'), typed(text('счёт'), 'счет'))).toBe(true));
});

describe('an exam-style field follows the answer sheet of the course’s exam', () => {
  it.each(
    table(examShort('-3'), 'ЕГЭ', [
      ['-3', true],
      ['−3', true],
      ['–3', true],
      ['x = -3', true],
      ['-3.', true],
      ['-3,0', true],
      ['3', false],
      ['-3 см', false, { code: 'exam_unit', exam: 'ЕГЭ' }],
      ['-6/2', false, { code: 'exam_fraction', exam: 'ЕГЭ' }],
    ]),
  )('%j for −3 in an ЕГЭ course → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(examShort('6.5'), 'ОГЭ', [
      ['6,5', true],
      ['6.5', true],
      ['x = 6,5', true],
      ['х=6.5', true],
      ['6,50', true],
      ['13/2', false, { code: 'exam_fraction', exam: 'ОГЭ' }],
      ['6 1/2', false, { code: 'exam_fraction', exam: 'ОГЭ' }],
      ['6,5 см', false, { code: 'exam_unit', exam: 'ОГЭ' }],
      ['65', false],
    ]),
  )('%j for 6,5 in an ОГЭ course → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(examShort('1800'), 'ОГЭ', [
      ['1800', true],
      ['1 800', true],
      ['1800.', true],
      ['18 00', false, { code: 'ambiguous_spaces' }],
    ]),
  )('%j for 1800 → %s', (value, correct, notice, exercise, exam) => expect(judge(exercise, value, exam)).toEqual({ correct, notice }));

  it.each(
    table(examShort('0110'), 'ЕГЭ', [
      ['0110', true],
      ['0110.', true],
      ['110', false],
    ]),
  )('%j for the digit string 0110 → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it.each(
    table(examShort('xyzw'), 'ЕГЭ', [
      ['xyzw', true],
      ['XYZW', true],
      ['x y z w', true],
      ['xyzw.', true],
      ['xywz', false],
    ]),
  )('%j for the letter string xyzw → %s', (value, correct, notice, exercise, exam) =>
    expect(judge(exercise, value, exam)).toEqual({ correct, notice }),
  );

  it('outside an exam course (an old installed pack) the same field is as forgiving as a number field', () => {
    expect(judge(examShort('0.3'), '3/10')).toEqual({ correct: true, notice: null });
    expect(judge(examShort('30'), '30 м/с')).toEqual({ correct: true, notice: null });
  });
});

describe('choices and mismatched answers', () => {
  it('choices: the one right option; all and only the right options', () => {
    const single: Exercise = { ...base, type: 'single_choice', options: ['a', 'b', 'c'], answer: 1 };
    const multiple: Exercise = { ...base, type: 'multiple_choice', options: ['a', 'b', 'c'], answer: [0, 2] };
    expect(checkAnswer(single, { type: 'single_choice', choice: 1 })).toBe(true);
    expect(checkAnswer(single, { type: 'single_choice', choice: 2 })).toBe(false);
    expect(checkAnswer(multiple, { type: 'multiple_choice', choices: [2, 0] })).toBe(true);
    expect(checkAnswer(multiple, { type: 'multiple_choice', choices: [0] })).toBe(false);
    expect(checkAnswer(multiple, { type: 'multiple_choice', choices: [0, 1, 2] })).toBe(false);
    expect(checkAnswer(multiple, { type: 'multiple_choice', choices: [0, 0, 2] })).toBe(false);
  });

  it('an answer of another kind is wrong, never an error', () => {
    expect(checkAnswer(numeric(1), { type: 'short_text', text: '1' })).toBe(false);
    expect(checkAnswer(text('a'), { type: 'single_choice', choice: 0 })).toBe(false);
    expect(checkAnswer(fraction('1/2'), { type: 'numeric', text: '1/2' })).toBe(false);
    expect(checkAnswer(expression('x'), { type: 'short_text', text: 'x' })).toBe(false);
  });

  it('every kind of exercise takes its own stored answer', () => {
    for (const exercise of [numeric(-2.5), fraction('2 6/11', 'mixed'), expression('(x-3)(x-5)', { form: 'product' }), text('путь'), examShort('-3')]) {
      expect(checkAnswer(exercise, correctAnswerOf(exercise), { exam: 'ЕГЭ' }), exercise.type).toBe(true);
    }
  });
});

describe('a content pack', () => {
  const pack = (examType: ExamType | null, exercise: Exercise): ContentPack => ({
    format: 'teacher-ai-pack/1',
    version: 1,
    course: { key: 'course', title: 'Курс', description: '', subject: 'math', grade: 5, examType, difficulty: 'easy', estimatedHours: 1 },
    lessons: [
      { key: 'lesson', number: 1, title: 'Урок', topic: 'Тема', description: '', content: 'Текст', objectives: ['Цель'], keyConcepts: [], exercises: [exercise], homework: null },
    ],
  });
  const problems = (examType: ExamType | null, exercise: Exercise) => contentPackSchema.safeParse(pack(examType, exercise)).error?.issues.map((i) => i.message) ?? [];

  it('keeps exam-style fields in exam courses', () => {
    expect(problems('ОГЭ', examShort('0.375'))).toEqual([]);
    expect(problems(null, examShort('0.375'))).toEqual([expect.stringContaining('belongs only in an ЕГЭ or ОГЭ course')]);
  });

  it('refuses an exercise whose own answer its checker would not take', () => {
    expect(problems(null, fraction('4/6', 'irreducible'))).toEqual([expect.stringContaining('not accepted by its own checker')]);
    expect(problems(null, expression('x^2-8x+15', { form: 'product' }))).toEqual([expect.stringContaining('not accepted by its own checker')]);
    expect(problems(null, fraction('1 1/2'))).toEqual([]);
  });
});
