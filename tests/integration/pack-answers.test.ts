import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTypedNumber } from '../../src/shared/answer-number';
import { contentPackSchema, type ContentPack, type Exercise } from '../../src/shared/content';
import { correctAnswerOf, judgeAnswer, type AnswerRules, type ExerciseAnswer } from '../../src/shared/exercise-check';

/**
 * Every exercise of every shipped pack, through the checker the core uses (with its course's exam rules):
 * its own answer and the ways students write it are taken; systematic wrong answers are not.
 */
const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/content');
const packs: [string, ContentPack][] = fs
  .readdirSync(CONTENT_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [name, contentPackSchema.parse(JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, name), 'utf8')))]);

const text = (exercise: Exercise, value: string): ExerciseAnswer => ({ type: exercise.type as 'numeric', text: value });
const typographic = (value: string) => value.replace(/^-/, '−');

/** The right answer as students also write it: comma, «x = », a full stop, a typographic minus, the unit, Cyrillic «х»… */
function rightVariants(exercise: Exercise): ExerciseAnswer[] {
  const own = correctAnswerOf(exercise);
  switch (exercise.type) {
    case 'single_choice':
      return [own];
    case 'multiple_choice':
      return [own, { type: 'multiple_choice', choices: [...exercise.answer].reverse() }];
    case 'numeric': {
      const written = String(exercise.answer).replace('.', ',');
      const grouped = Number.isInteger(exercise.answer) && Math.abs(exercise.answer) >= 1000 ? [exercise.answer.toLocaleString('ru-RU')] : [];
      const units = exercise.unit ? [`${written} ${exercise.unit}`, `${written}${exercise.unit}.`] : [`${written} см`];
      return [String(exercise.answer), written, `x = ${written}`, `х=${written}.`, `${typographic(written)};`, ...grouped, ...units].map((v) => text(exercise, v));
    }
    case 'fraction':
      return [exercise.answer, exercise.answer.replace('/', ' / '), `${exercise.answer}.`, `Ответ: ${typographic(exercise.answer)}`].map((v) =>
        text(exercise, v),
      );
    case 'expression':
      return [exercise.answer, exercise.answer.replaceAll('x', 'х'), exercise.answer.replaceAll(' ', ''), `(${exercise.answer})`, `${exercise.answer}.`]
        .map((v) => v.replaceAll('-', '−').replaceAll('<=', '≤'))
        .concat(exercise.answer)
        .map((v) => text(exercise, v));
    case 'short_text':
      return [exercise.answer, ...(exercise.accept ?? []), ` ${exercise.answer.toUpperCase()}. `].map((v) => text(exercise, v));
    case 'ege_short':
      return [exercise.answer, `${typographic(exercise.answer.replace('.', ','))}.`, ` ${exercise.answer} `].map((v) => text(exercise, v));
  }
}

/** A value one off, ten times as big, of the other sign: never the answer. */
const numberMistakes = (value: number) => [value + 1, value - 1, ...(value !== 0 ? [value * 10, -value] : [])].map((v) => String(v).replace('.', ','));

/** The right value as a common fraction («3/8» for 0,375), which an exam course does not take. */
function asCommonFraction(value: string): string | null {
  const reading = readTypedNumber(value);
  if (reading.kind !== 'number') return null;
  const { num, den } = reading.exact;
  return den === 1n ? `${num * 2n}/2` : `${num}/${den}`;
}

function wrongVariants(exercise: Exercise, rules: AnswerRules, others: readonly string[]): ExerciseAnswer[] {
  switch (exercise.type) {
    case 'single_choice':
      return exercise.options.map((_, choice) => ({ type: 'single_choice' as const, choice })).filter((a) => a.choice !== exercise.answer);
    case 'multiple_choice': {
      const all = exercise.options.map((_, index) => index);
      return [
        { type: 'multiple_choice', choices: [] },
        { type: 'multiple_choice', choices: exercise.answer.slice(1) },
        ...(all.length > exercise.answer.length ? [{ type: 'multiple_choice' as const, choices: all }] : []),
      ];
    }
    case 'numeric': {
      const fractionForm = rules.exam ? asCommonFraction(String(exercise.answer)) : null;
      return [...numberMistakes(exercise.answer), ...(fractionForm ? [fractionForm] : [])].map((v) => text(exercise, v));
    }
    case 'fraction': {
      const reading = readTypedNumber(exercise.answer);
      if (reading.kind !== 'number') throw new Error(`${exercise.id}: not a fraction`);
      const { num, den } = reading.exact;
      return [`${num + den}/${den}`, `${-num}/${den}`, ...(num !== den && num !== 0n ? [`${den}/${num}`] : [])].map((v) => text(exercise, v));
    }
    case 'expression':
      return (exercise.domain === 'binary' ? [`not (${exercise.answer})`] : [`(${exercise.answer}) + 1`, `2(${exercise.answer})`]).map((v) =>
        text(exercise, v),
      );
    case 'short_text':
      return ['', `${exercise.answer}ы`, ...others.filter((other) => other !== exercise.answer)].map((v) => text(exercise, v));
    case 'ege_short': {
      const reading = readTypedNumber(exercise.answer);
      const mistakes = reading.kind === 'number' ? numberMistakes(reading.value) : [`${exercise.answer}1`, [...exercise.answer].reverse().join('')];
      const examForms = rules.exam && reading.kind === 'number' ? [asCommonFraction(exercise.answer), `${exercise.answer} см`] : [];
      return [...mistakes, ...examForms]
        .filter((v): v is string => v !== null && v !== exercise.answer)
        .map((v) => text(exercise, v));
    }
  }
}

describe.each(packs)('%s: every exercise through its checker', (_name, pack) => {
  const rules: AnswerRules = { exam: pack.course.examType };
  const exercises = pack.lessons.flatMap((lesson) => lesson.exercises.map((exercise) => ({ lesson: lesson.key, exercise, others: lesson.exercises })));

  it.each(exercises.map((entry) => [entry.exercise.id, entry] as const))('%s takes its own answer as students write it', (_id, { exercise }) => {
    const refused = rightVariants(exercise)
      .map((answer) => ({ answer, verdict: judgeAnswer(exercise, answer, rules) }))
      .filter(({ verdict }) => !verdict.correct);
    expect(refused).toEqual([]);
  });

  it.each(exercises.map((entry) => [entry.exercise.id, entry] as const))('%s refuses systematic wrong answers', (_id, { exercise, others }) => {
    const otherAnswers = others.filter((o) => o.type === 'short_text').map((o) => String(o.answer));
    const wrongs = wrongVariants(exercise, rules, otherAnswers);
    expect(wrongs.length).toBeGreaterThan(0);
    const taken = wrongs.filter((answer) => judgeAnswer(exercise, answer, rules).correct);
    expect(taken).toEqual([]);
  });
});

describe('exam rules stay in exam courses', () => {
  it('only ЕГЭ and ОГЭ courses have exam-style fields; the grade 5–8 courses have none', () => {
    for (const [name, pack] of packs) {
      const examFields = pack.lessons.flatMap((l) => l.exercises).filter((e) => e.type === 'ege_short');
      if (pack.course.examType === null) expect({ name, examFields: examFields.map((e) => e.id) }).toEqual({ name, examFields: [] });
    }
  });

  it('the ОГЭ course does not give full credit for a common fraction where the exam scores only a decimal', () => {
    const [, oge] = packs.find(([, pack]) => pack.course.examType === 'ОГЭ')!;
    const exercise = oge.lessons.flatMap((l) => l.exercises).find((e) => e.id === 'three-coins-two-heads')!;
    expect(judgeAnswer(exercise, text(exercise, '3/8'), { exam: 'ОГЭ' })).toEqual({ correct: false, notice: { code: 'exam_fraction', exam: 'ОГЭ' } });
    expect(judgeAnswer(exercise, text(exercise, '0,375'), { exam: 'ОГЭ' }).correct).toBe(true);
  });

  it('add-mixed-13ths takes the mixed number a student writes', () => {
    const [, math5] = packs.find(([, pack]) => pack.course.key === 'math-5-fractions')!;
    const exercise = math5.lessons.flatMap((l) => l.exercises).find((e) => e.id === 'add-mixed-13ths')!;
    expect(judgeAnswer(exercise, text(exercise, '6 3/13'), { exam: null }).correct).toBe(true);
    expect(judgeAnswer(exercise, text(exercise, '6313'), { exam: null }).correct).toBe(false);
  });
});
