import type { ExerciseAttempt, ExerciseView } from '../../../../shared/contract';
import type { ExerciseAnswer } from './exercise-answer';

/** The contract keeps an attempt's answer up to this length. */
const ATTEMPT_ANSWER_MAX = 1_000;

/** An answer as the teacher should read it: the options' own words, not their numbers. */
export function answerText(exercise: Pick<ExerciseView, 'options'>, answer: ExerciseAnswer): string {
  const option = (index: number) => exercise.options?.[index] ?? String(index + 1);
  switch (answer.type) {
    case 'single_choice':
      return option(answer.choice);
    case 'multiple_choice':
      return answer.choices.map(option).join('; ');
    default:
      return answer.text;
  }
}

/** The student's latest try at an exercise for «Спросить учителя»; undefined before any was checked. */
export function latestAttempt(
  exercise: Pick<ExerciseView, 'options'>,
  answer: ExerciseAnswer | null,
  tries: number,
  correct: boolean,
): ExerciseAttempt | undefined {
  if (answer === null || tries < 1) return undefined;
  return { answer: answerText(exercise, answer).slice(0, ATTEMPT_ANSWER_MAX), correct, tries: Math.min(tries, 100) };
}
